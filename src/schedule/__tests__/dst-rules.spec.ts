import {
  compileSchedule,
  lastOccurrenceEnd,
  nextOccurrences,
  occurrenceAt,
  occurrencesBetween,
  previousOccurrence,
  zonedBoundary,
  type Schedule,
} from '..';
import { daily, oneTime, weekly } from './schedules';

const iso = (o: { start: Date; end: Date } | null) => (o ? [o.start.toISOString(), o.end.toISOString()] : null);
/** The occurrence that starts on a given local day. */
const on = (s: Schedule, from: string) => iso(nextOccurrences(s, new Date(from), 1)[0]);

describe('rule 5: boundaries in gaps and overlaps', () => {
  it('maps a time in a spring-forward gap to the jump (Berlin 02:30 → 03:00 CEST)', () => {
    expect(zonedBoundary('Europe/Berlin', '2026-03-29', '02:30').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });
  it('maps a time in a fall-back overlap to the earlier instant (Berlin 02:30 CEST)', () => {
    expect(zonedBoundary('Europe/Berlin', '2026-10-25', '02:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
  it('handles a change at midnight (Azores: 00:30 does not exist on 29 March)', () => {
    expect(zonedBoundary('Atlantic/Azores', '2026-03-29', '00:30').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(zonedBoundary('Atlantic/Azores', '2026-10-25', '00:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });
  it('handles a 30-minute shift (Lord Howe) and a +12:45 zone (Chatham)', () => {
    expect(zonedBoundary('Australia/Lord_Howe', '2026-10-04', '02:15').toISOString()).toBe('2026-10-03T15:30:00.000Z');
    expect(zonedBoundary('Australia/Lord_Howe', '2026-04-05', '01:45').toISOString()).toBe('2026-04-04T14:45:00.000Z');
    expect(zonedBoundary('Pacific/Chatham', '2026-09-27', '03:00').toISOString()).toBe('2026-09-26T14:00:00.000Z');
    expect(zonedBoundary('Pacific/Chatham', '2026-06-01', '12:45').toISOString()).toBe('2026-06-01T00:00:00.000Z');
  });
  it('handles zones without DST and with half-hour offsets', () => {
    expect(zonedBoundary('Asia/Kolkata', '2026-03-29', '02:30').toISOString()).toBe('2026-03-28T21:00:00.000Z');
    expect(zonedBoundary('America/St_Johns', '2026-03-08', '02:30').toISOString()).toBe('2026-03-08T05:30:00.000Z');
    expect(zonedBoundary('America/St_Johns', '2026-01-08', '02:30').toISOString()).toBe('2026-01-08T06:00:00.000Z');
  });
});

describe('windows around DST changes', () => {
  // Each row: what a day's window shows, the schedule, an instant before that day, and the window.
  it.each<[string, Schedule, string, [string, string]]>([
    [
      'starts at the jump when the start lies in a gap (Berlin)',
      daily('Europe/Berlin', '02:30', '03:30'),
      '2026-03-28T23:00:00Z',
      ['2026-03-29T01:00:00.000Z', '2026-03-29T01:30:00.000Z'],
    ],
    [
      "starts at the jump when the start lies in a gap (St. John's)",
      daily('America/St_Johns', '02:30', '03:30'),
      '2026-03-08T03:00:00Z',
      ['2026-03-08T05:30:00.000Z', '2026-03-08T06:00:00.000Z'],
    ],
    [
      'ends at the jump when the end lies in a gap',
      daily('Europe/Berlin', '01:30', '02:30'),
      '2026-03-28T23:00:00Z',
      ['2026-03-29T00:30:00.000Z', '2026-03-29T01:00:00.000Z'],
    ],
    [
      'takes the first pass through an overlap for both ends (Berlin)',
      daily('Europe/Berlin', '02:15', '02:45'),
      '2026-10-24T23:00:00Z',
      ['2026-10-25T00:15:00.000Z', '2026-10-25T00:45:00.000Z'],
    ],
    [
      'takes the first pass through an overlap for both ends (Lord Howe)',
      daily('Australia/Lord_Howe', '01:45', '02:15'),
      '2026-04-04T14:00:00Z',
      ['2026-04-04T14:45:00.000Z', '2026-04-04T15:45:00.000Z'],
    ],
    [
      'makes a 01:00–03:00 window 1 h on spring-forward night',
      daily('Europe/Berlin', '01:00', '03:00'),
      '2026-03-28T23:30:00Z',
      ['2026-03-29T00:00:00.000Z', '2026-03-29T01:00:00.000Z'],
    ],
    [
      'makes a 01:00–03:00 window 3 h on fall-back night',
      daily('Europe/Berlin', '01:00', '03:00'),
      '2026-10-24T22:30:00Z',
      ['2026-10-24T23:00:00.000Z', '2026-10-25T02:00:00.000Z'],
    ],
    [
      'crosses midnight over spring-forward (New York 22:00–04:00: 4 h)',
      daily('America/New_York', '22:00', '04:00'),
      '2026-03-08T02:00:00Z',
      ['2026-03-08T03:00:00.000Z', '2026-03-08T08:00:00.000Z'],
    ],
    [
      'crosses midnight over fall-back (New York 22:00–04:00: 7 h)',
      daily('America/New_York', '22:00', '04:00'),
      '2026-11-01T01:00:00Z',
      ['2026-11-01T02:00:00.000Z', '2026-11-01T09:00:00.000Z'],
    ],
    [
      'makes a 24 h window 23 h long on spring-forward day',
      daily('Europe/Berlin', '00:00', '00:00'),
      '2026-03-28T23:00:00Z',
      ['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ],
    [
      'makes a 24 h window 25 h long on fall-back day',
      daily('Europe/Berlin', '00:00', '00:00'),
      '2026-10-24T22:00:00Z',
      ['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    ],
    [
      'handles the Azores change at midnight in the autumn',
      daily('Atlantic/Azores', '00:00', '01:00', '2026-03-27'),
      '2026-10-24T23:30:00Z',
      ['2026-10-25T00:00:00.000Z', '2026-10-25T02:00:00.000Z'],
    ],
    [
      'follows Chatham (+12:45/+13:45)',
      daily('Pacific/Chatham', '02:00', '04:00'),
      '2026-09-26T12:00:00Z',
      ['2026-09-26T13:15:00.000Z', '2026-09-26T14:15:00.000Z'],
    ],
    [
      'follows Kolkata (no DST)',
      daily('Asia/Kolkata', '09:00', '17:00'),
      '2026-03-29T00:00:00Z',
      ['2026-03-29T03:30:00.000Z', '2026-03-29T11:30:00.000Z'],
    ],
  ])('%s', (_claim, schedule, from, window) => {
    expect(on(schedule, from)).toEqual(window);
  });
  it('skips a window lying wholly inside a gap, and does not count it', () => {
    const s = daily('Europe/Berlin', '02:10', '02:50', '2026-03-27');
    expect(nextOccurrences(s, new Date('2026-03-27T00:00:00Z'), 3).map(iso)).toEqual([
      ['2026-03-27T01:10:00.000Z', '2026-03-27T01:50:00.000Z'],
      ['2026-03-28T01:10:00.000Z', '2026-03-28T01:50:00.000Z'],
      ['2026-03-30T00:10:00.000Z', '2026-03-30T00:50:00.000Z'],
    ]);
    expect(lastOccurrenceEnd({ ...s, occurrences: 3 })!.toISOString()).toBe('2026-03-30T00:50:00.000Z');
  });
  it('puts 24 h windows back to back across the change days', () => {
    const s = daily('Europe/Berlin', '00:00', '00:00');
    const week = occurrencesBetween(s, new Date('2026-10-20T00:00:00Z'), new Date('2026-10-30T00:00:00Z'));
    week.slice(1).forEach((o, i) => expect(o.start.getTime()).toBe(week[i].end.getTime()));
  });
  it('skips the Azores window on the spring change day: 00:00 does not exist and 01:00 is the jump itself', () => {
    const s = daily('Atlantic/Azores', '00:00', '01:00', '2026-03-27');
    expect(nextOccurrences(s, new Date('2026-03-28T00:00:00Z'), 2).map(iso)).toEqual([
      ['2026-03-28T01:00:00.000Z', '2026-03-28T02:00:00.000Z'],
      ['2026-03-30T00:00:00.000Z', '2026-03-30T01:00:00.000Z'],
    ]);
  });
  it('finds the active occurrence at instants around a change (half-open)', () => {
    const s = compileSchedule(daily('Europe/Berlin', '01:00', '03:00'));
    expect(iso(occurrenceAt(s, new Date('2026-10-25T01:59:59.999Z')))).toEqual(['2026-10-24T23:00:00.000Z', '2026-10-25T02:00:00.000Z']);
    expect(occurrenceAt(s, new Date('2026-10-25T02:00:00Z'))).toBeNull();
    expect(occurrenceAt(s, new Date('2026-03-29T01:00:00Z'))).toBeNull();
  });
});

describe('calendars', () => {
  const monthly = (extra: Partial<Schedule>): Schedule => ({
    recurrence: 'MONTHLY',
    timeZone: 'UTC',
    startDate: '2026-01-01',
    startTime: '10:00',
    endTime: '11:00',
    ...extra,
  });
  const starts = (s: Schedule, n: number, from = '2026-01-01T00:00:00Z') =>
    nextOccurrences(s, new Date(from), n).map((o) => o.start.toISOString().slice(0, 10));

  it('skips day 31 in shorter months, and -1 is always the last day', () => {
    expect(starts(monthly({ monthDays: [31] }), 3)).toEqual(['2026-01-31', '2026-03-31', '2026-05-31']);
    expect(starts(monthly({ monthDays: [-1] }), 4)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31', '2026-04-30']);
    expect(starts(monthly({ monthDays: [1, -1] }), 3)).toEqual(['2026-01-01', '2026-01-31', '2026-02-01']);
  });
  it('skips a fifth weekday a month lacks, and finds the last one', () => {
    expect(starts(monthly({ monthWeekdays: [{ ordinal: 5, weekday: 'FRIDAY' }] }), 2)).toEqual(['2026-01-30', '2026-05-29']);
    expect(starts(monthly({ monthWeekdays: [{ ordinal: -1, weekday: 'FRIDAY' }] }), 2)).toEqual(['2026-01-30', '2026-02-27']);
    expect(starts(monthly({ monthWeekdays: [{ ordinal: 2, weekday: 'TUESDAY' }] }), 3)).toEqual(['2026-01-13', '2026-02-10', '2026-03-10']);
  });
  it('counts intervals from the start date (weeks from its Monday)', () => {
    expect(starts({ ...daily('UTC', '10:00', '11:00', '2026-06-01'), interval: 3 }, 3)).toEqual(['2026-06-01', '2026-06-04', '2026-06-07']);
    const fortnightly = { ...weekly('UTC', '10:00', '11:00', '2026-06-03', ['MONDAY', 'FRIDAY']), interval: 2 };
    expect(starts(fortnightly, 3)).toEqual(['2026-06-05', '2026-06-15', '2026-06-19']);
    expect(starts({ ...monthly({ monthDays: [15] }), startDate: '2026-01-20', interval: 2 }, 2)).toEqual(['2026-03-15', '2026-05-15']);
  });
  it('fires on chosen weekdays only (weekdays only = no weekends)', () => {
    const s: Schedule = {
      ...daily('UTC', '10:00', '11:00', '2026-06-05'),
      weekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'],
    };
    expect(starts(s, 3)).toEqual(['2026-06-05', '2026-06-08', '2026-06-09']);
  });
  it('ends by date, by count or never', () => {
    const base = daily('UTC', '10:00', '11:00', '2026-06-01');
    expect(lastOccurrenceEnd({ ...base, endDate: '2026-06-10' })!.toISOString()).toBe('2026-06-10T11:00:00.000Z');
    expect(lastOccurrenceEnd({ ...base, occurrences: 5 })!.toISOString()).toBe('2026-06-05T11:00:00.000Z');
    expect(lastOccurrenceEnd(base)).toBeNull();
    expect(starts({ ...base, occurrences: 2 }, 5, '2026-05-01T00:00:00Z')).toEqual(['2026-06-01', '2026-06-02']);
    expect(occurrenceAt({ ...base, occurrences: 2 }, new Date('2026-06-03T10:30:00Z'))).toBeNull();
  });
  it('gives the previous occurrence and the one-time window', () => {
    expect(iso(previousOccurrence(daily('UTC', '10:00', '11:00'), new Date('2026-06-01T10:30:00Z')))).toEqual([
      '2026-05-31T10:00:00.000Z',
      '2026-05-31T11:00:00.000Z',
    ]);
    const once = oneTime('Europe/Berlin', '2026-06-01', '22:00', '2026-06-02', '02:00');
    expect(iso(occurrenceAt(once, new Date('2026-06-01T23:00:00Z')))).toEqual(['2026-06-01T20:00:00.000Z', '2026-06-02T00:00:00.000Z']);
    expect(previousOccurrence(once, new Date('2026-06-01T23:00:00Z'))).toBeNull();
  });
  it('answers occurrenceAt for an old schedule without walking from its start', () => {
    const s = compileSchedule(daily('Europe/Berlin', '22:00', '02:00', '1901-01-01'));
    expect(iso(occurrenceAt(s, new Date('2026-06-01T23:00:00Z')))).toEqual(['2026-06-01T20:00:00.000Z', '2026-06-02T00:00:00.000Z']);
  });
});
