import { compileSchedule, ScheduleError, validateSchedule, type Schedule } from '..';

const base: Schedule = { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '10:00', endTime: '11:00' };
const paths = (s: Partial<Schedule>) => validateSchedule({ ...base, ...s }).map((p) => p.path);

describe('validateSchedule', () => {
  it('accepts a valid schedule', () => {
    expect(validateSchedule(base)).toEqual([]);
  });
  it('reports every problem with its field', () => {
    expect(paths({ timeZone: 'Mars/Olympus', startTime: '24:00', endTime: '9:00', startDate: '2026-02-30' }).sort()).toEqual([
      'endTime',
      'startDate',
      'startTime',
      'timeZone',
    ]);
  });
  it('refuses endDate and occurrences together, and an end date before the start', () => {
    expect(paths({ endDate: '2026-07-01', occurrences: 3 })).toEqual(['occurrences']);
    expect(paths({ endDate: '2026-05-01' })).toEqual(['endDate']);
    expect(paths({ occurrences: 0, interval: 0 }).sort()).toEqual(['interval', 'occurrences']);
  });
  it('needs weekdays for WEEKLY and checks them', () => {
    expect(paths({ recurrence: 'WEEKLY' })).toEqual(['weekdays']);
    expect(paths({ recurrence: 'WEEKLY', weekdays: ['MONDAY', 'MONDAY'] })).toEqual(['weekdays.1']);
    expect(paths({ recurrence: 'WEEKLY', weekdays: ['FUNDAY' as never] })).toEqual(['weekdays.0']); // a weekday the type rules out, as a client could send
  });
  it('needs exactly one of monthDays and monthWeekdays for MONTHLY, each in range', () => {
    expect(paths({ recurrence: 'MONTHLY' })).toEqual(['monthDays']);
    expect(paths({ recurrence: 'MONTHLY', monthDays: [1], monthWeekdays: [{ ordinal: 1, weekday: 'MONDAY' }] })).toEqual(['monthWeekdays']);
    expect(paths({ recurrence: 'MONTHLY', monthDays: [0, 32, -32, 5] })).toEqual(['monthDays.0', 'monthDays.1', 'monthDays.2']);
    expect(paths({ recurrence: 'MONTHLY', monthWeekdays: [{ ordinal: 6, weekday: 'MONDAY' }] })).toEqual(['monthWeekdays.0.ordinal']);
    expect(paths({ monthDays: [1] })).toEqual(['monthDays']);
  });
  it('needs an end after the start for ONE_TIME, and nothing recurring', () => {
    const once = { recurrence: 'ONE_TIME' as const, endDate: '2026-06-01' };
    expect(paths({ ...once, startTime: '10:00', endTime: '10:00' })).toEqual(['endTime']);
    expect(paths({ ...once, endDate: '2026-05-31' })).toEqual(['endDate']);
    expect(paths({ recurrence: 'ONE_TIME' })).toEqual(['endDate']);
    expect(paths({ ...once, occurrences: 2, weekdays: ['MONDAY'] }).sort()).toEqual(['occurrences', 'weekdays']);
  });
  it('refuses to compile an invalid schedule', () => {
    expect(() => compileSchedule({ ...base, timeZone: 'Nowhere' })).toThrow(ScheduleError);
  });
});
