import fc from 'fast-check';
import { compileSchedule, occurrenceAt, occurrencesBetween, WEEKDAYS, type Schedule } from '..';
import { firesOn, nextFiringDay } from '../firing-days';
import { DAY_MS, formatDay } from '../local-date';
import { offsetAt, wallClock } from '../zone-offsets';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Atlantic/Azores',
  'Australia/Lord_Howe',
  'Pacific/Chatham',
  'Asia/Kolkata',
  'America/St_Johns',
  'America/Santiago',
];
const time = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45, 59))
  .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const day2026 = fc.integer({ min: Date.UTC(2026, 0, 1) / DAY_MS, max: Date.UTC(2026, 11, 31) / DAY_MS });

const recurring: fc.Arbitrary<Schedule> = fc
  .record({
    recurrence: fc.constantFrom<'DAILY' | 'WEEKLY' | 'MONTHLY'>('DAILY', 'WEEKLY', 'MONTHLY'),
    timeZone: fc.constantFrom(...ZONES),
    start: day2026,
    startTime: time,
    endTime: time,
    interval: fc.integer({ min: 1, max: 3 }),
    weekdays: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
    monthDays: fc.uniqueArray(
      fc.integer({ min: -31, max: 31 }).filter((d) => d !== 0),
      { minLength: 1, maxLength: 4 },
    ),
    byWeekday: fc.boolean(),
  })
  .map((r) => ({
    recurrence: r.recurrence,
    timeZone: r.timeZone,
    startDate: formatDay(r.start),
    startTime: r.startTime,
    endTime: r.endTime,
    interval: r.interval,
    weekdays: r.recurrence === 'MONTHLY' ? null : r.weekdays,
    monthDays: r.recurrence === 'MONTHLY' && !r.byWeekday ? r.monthDays : null,
    monthWeekdays:
      r.recurrence === 'MONTHLY' && r.byWeekday
        ? [
            { ordinal: 2, weekday: r.weekdays[0] },
            { ordinal: -1, weekday: r.weekdays[0] },
          ]
        : null,
  }));

const window = fc.tuple(day2026, fc.integer({ min: 0, max: DAY_MS - 1 })).map(([d, ms]) => new Date(d * DAY_MS + ms));

describe('schedule properties', () => {
  it('occurrences are sorted, non-empty and do not overlap', () => {
    fc.assert(
      fc.property(recurring, window, (s, from) => {
        const list = occurrencesBetween(s, from, new Date(from.getTime() + 60 * DAY_MS));
        list.forEach((o, i) => {
          expect(o.end.getTime()).toBeGreaterThan(o.start.getTime());
          if (i > 0) expect(o.start.getTime()).toBeGreaterThanOrEqual(list[i - 1].end.getTime());
        });
      }),
      { numRuns: 150 },
    );
  });

  it('occurrenceAt agrees with occurrencesBetween', () => {
    fc.assert(
      fc.property(
        recurring,
        window,
        fc.array(fc.integer({ min: 0, max: 20 * DAY_MS }), { minLength: 5, maxLength: 20 }),
        (s, from, offsets) => {
          const compiled = compileSchedule(s);
          const list = occurrencesBetween(compiled, from, new Date(from.getTime() + 21 * DAY_MS));
          for (const offset of offsets) {
            const t = from.getTime() + offset;
            const expected = list.find((o) => o.start.getTime() <= t && t < o.end.getTime()) ?? null;
            expect(occurrenceAt(compiled, new Date(t))).toEqual(expected);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('each boundary shows the requested wall-clock time, or is the instant of the jump over it', () => {
    const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));
    fc.assert(
      fc.property(recurring, window, (s, from) => {
        for (const o of occurrencesBetween(s, from, new Date(from.getTime() + 30 * DAY_MS))) {
          for (const [instant, wanted] of [
            [o.start.getTime(), minutes(s.startTime)],
            [o.end.getTime(), minutes(s.endTime)],
          ] as const) {
            const shown = Math.round((wallClock(s.timeZone, instant) % DAY_MS) / 60_000);
            const jumped = offsetAt(s.timeZone, instant - 1) !== offsetAt(s.timeZone, instant);
            if (shown !== wanted) {
              expect(jumped).toBe(true);
              expect(offsetAt(s.timeZone, instant)).toBeGreaterThan(offsetAt(s.timeZone, instant - 1));
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('firesOn answers like searching for the next firing day', () => {
    const ordinal = fc.constantFrom(1, 2, 3, 4, 5, -1);
    const withOrdinals = fc
      .tuple(recurring, ordinal, ordinal)
      .filter(([, a, b]) => a !== b)
      .map(([s, a, b]) =>
        s.monthWeekdays
          ? {
              ...s,
              monthWeekdays: [
                { ...s.monthWeekdays[0], ordinal: a },
                { ...s.monthWeekdays[1], ordinal: b },
              ],
            }
          : s,
      );
    fc.assert(
      fc.property(withOrdinals, fc.integer({ min: -10, max: 500 }), (s, offset) => {
        const calendar = compileSchedule(s).calendar!;
        const day = calendar.startDay + offset;
        expect(firesOn(calendar, day)).toBe(nextFiringDay(calendar, day) === day);
      }),
      { numRuns: 3000 },
    );
  });
});
