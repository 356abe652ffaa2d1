import fc from 'fast-check';
import { compileSchedule, occurrenceAt, type Schedule } from '../../schedule';
import { daily, oneTime, weekly } from '../../schedule/__tests__/schedules';
import { Timing } from '../timing';
import { SuppressionSource } from '../../common/graphql/suppression-reason.type';

const schedules: Schedule[] = [
  daily('Europe/Berlin', '01:30', '03:15', '2026-03-20'),
  weekly('America/New_York', '22:00', '02:00', '2026-03-01', ['SUNDAY', 'TUESDAY']),
  {
    recurrence: 'MONTHLY',
    timeZone: 'Australia/Lord_Howe',
    startDate: '2026-01-01',
    startTime: '00:00',
    endTime: '00:00',
    monthDays: [1, -1],
  },
  oneTime('UTC', '2026-04-01', '10:00', '2026-04-02', '10:00'),
];

const label = { source: SuppressionSource.MONITOR_PERIOD, id: 'p1', name: 'nightly' };

describe('Timing', () => {
  it('answers as occurrenceAt does, whatever order the instants come in', () => {
    const base = Date.parse('2026-03-15T00:00:00Z');
    fc.assert(
      fc.property(
        fc.constantFrom(...schedules),
        fc.array(fc.integer({ min: 0, max: 60 * 24 * 60 }), { minLength: 1, maxLength: 60 }),
        (schedule, minutes) => {
          const compiled = compileSchedule(schedule);
          const timing = new Timing(label, false, compiled);
          for (const minute of minutes) {
            const at = new Date(base + minute * 60_000);
            const reason = timing.at(at.getTime(), at);
            expect(reason?.occurrence ?? null).toEqual(occurrenceAt(compiled, at));
            // The answer holds until the instant it gives, and only until then.
            const until = timing.sameUntil(at.getTime());
            expect(until).toBeGreaterThan(at.getTime());
            if (until < Infinity) {
              expect(occurrenceAt(compiled, new Date(until - 1))).toEqual(reason?.occurrence ?? null);
              expect(occurrenceAt(compiled, new Date(until))).not.toEqual(reason?.occurrence ?? null);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('holds a fixed interval, half-open', () => {
    const timing = new Timing(label, true, null, { start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-01-01T01:00:00Z') });
    const at = (iso: string) => timing.at(Date.parse(iso), new Date(iso));
    expect(at('2025-12-31T23:59:59Z')).toBeNull();
    expect(at('2026-01-01T00:00:00Z')?.occurrence).toEqual({
      start: new Date('2026-01-01T00:00:00Z'),
      end: new Date('2026-01-01T01:00:00Z'),
    });
    expect(at('2026-01-01T01:00:00Z')).toBeNull();
  });
});
