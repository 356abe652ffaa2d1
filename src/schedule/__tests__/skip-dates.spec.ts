import {
  firstOccurrenceStart,
  foldSkipDates,
  lastOccurrenceEnd,
  MAX_SKIP_DATES,
  nextOccurrences,
  occurrenceAt,
  occurrencesBetween,
  previousOccurrence,
  skipDateOf,
  validateSchedule,
  type Occurrence,
  type Schedule,
} from '..';
import { daily, oneTime } from './schedules';

const starts = (occurrences: Occurrence[]) => occurrences.map((o) => o.start.toISOString());
const at = (iso: string) => new Date(iso);

describe('skipDates', () => {
  // Berlin springs forward on Sunday 2026-03-29: 02:30 does not exist and becomes the jump, 01:00Z.
  const berlin: Schedule = { ...daily('Europe/Berlin', '02:30', '03:30', '2026-03-26'), skipDates: ['2026-03-29'] };

  it('skips the occurrence of a DST day in every question', () => {
    const week = ['2026-03-26T01:30:00.000Z', '2026-03-27T01:30:00.000Z', '2026-03-28T01:30:00.000Z', '2026-03-30T00:30:00.000Z'];
    expect(starts(nextOccurrences(berlin, at('2026-03-26T00:00:00Z'), 4))).toEqual(week);
    expect(starts(occurrencesBetween(berlin, at('2026-03-26T00:00:00Z'), at('2026-03-31T00:00:00Z')))).toEqual(week);
    expect(occurrenceAt(berlin, at('2026-03-29T01:10:00Z'))).toBeNull();
    expect(occurrenceAt({ ...berlin, skipDates: [] }, at('2026-03-29T01:10:00Z'))?.start.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(previousOccurrence(berlin, at('2026-03-30T00:00:00Z'))?.start.toISOString()).toBe('2026-03-28T01:30:00.000Z');
  });

  it('finds the date that skips the occurrence starting at an instant, and none where no occurrence starts', () => {
    const unskipped = { ...berlin, skipDates: null };
    expect(skipDateOf(unskipped, at('2026-03-29T01:00:00Z'))).toBe('2026-03-29');
    expect(skipDateOf(unskipped, at('2026-03-30T00:30:00Z'))).toBe('2026-03-30');
    expect(skipDateOf(unskipped, at('2026-03-29T01:30:00Z'))).toBeNull();
    expect(skipDateOf(berlin, at('2026-03-29T01:00:00Z'))).toBeNull();
  });

  it('counts a skipped occurrence toward `occurrences`, as RFC 5545 counts an EXDATE', () => {
    const three: Schedule = { ...daily('UTC', '10:00', '11:00', '2026-01-01'), occurrences: 3, skipDates: ['2026-01-02'] };
    expect(starts(nextOccurrences(three, at('2026-01-01T00:00:00Z'), 10))).toEqual([
      '2026-01-01T10:00:00.000Z',
      '2026-01-03T10:00:00.000Z',
    ]);
    expect(lastOccurrenceEnd(three)?.toISOString()).toBe('2026-01-03T11:00:00.000Z');
    // The last counted one skipped: the schedule ends with the one before.
    expect(lastOccurrenceEnd({ ...three, skipDates: ['2026-01-03'] })?.toISOString()).toBe('2026-01-02T11:00:00.000Z');
    expect(firstOccurrenceStart({ ...three, skipDates: ['2026-01-01'] })?.toISOString()).toBe('2026-01-02T10:00:00.000Z');
    expect(firstOccurrenceStart({ ...three, occurrences: 1, skipDates: ['2026-01-01'] })).toBeNull();
  });

  it('skips a one-time window on its start date', () => {
    const once = oneTime('UTC', '2026-01-01', '22:00', '2026-01-02', '02:00');
    expect(skipDateOf(once, at('2026-01-01T22:00:00Z'))).toBe('2026-01-01');
    expect(firstOccurrenceStart({ ...once, skipDates: ['2026-01-01'] })).toBeNull();
    expect(firstOccurrenceStart({ ...once, skipDates: ['2026-01-02'] })?.toISOString()).toBe('2026-01-01T22:00:00.000Z');
  });

  it('takes real dates, at most 1,000 different ones, and folds duplicates', () => {
    const problems = (skipDates: string[]) => validateSchedule({ ...berlin, skipDates });
    expect(problems(['2026-03-29', '2026-03-29'])).toEqual([]);
    expect(problems(['2026-02-30', 'tomorrow', '2026-03-01']).map((p) => p.path)).toEqual(['skipDates.0', 'skipDates.1']);
    const many = Array.from({ length: MAX_SKIP_DATES + 1 }, (_, i) => new Date(Date.UTC(2030, 0, 1 + i)).toISOString().slice(0, 10));
    expect(problems(many.slice(0, MAX_SKIP_DATES))).toEqual([]);
    expect(problems(many)).toEqual([{ path: 'skipDates', message: 'must name at most 1000 dates' }]);
    expect(foldSkipDates(['2026-03-29', '2026-01-01', '2026-03-29'])).toEqual(['2026-01-01', '2026-03-29']);
  });
});
