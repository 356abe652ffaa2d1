import type { Schedule, Weekday } from '..';

// Builders for the schedules tests write out, times and dates local to `timeZone`.

/** A window every day from `startTime` to `endTime`, from `startDate` on. */
export const daily = (timeZone: string, startTime: string, endTime: string, startDate = '2026-01-01'): Schedule => ({
  recurrence: 'DAILY',
  timeZone,
  startDate,
  startTime,
  endTime,
});

/** A window from `startTime` to `endTime` on each of `weekdays`, from `startDate` on. */
export const weekly = (timeZone: string, startTime: string, endTime: string, startDate: string, weekdays: Weekday[]): Schedule => ({
  ...daily(timeZone, startTime, endTime, startDate),
  recurrence: 'WEEKLY',
  weekdays,
});

/** A single window from `startTime` on `startDate` to `endTime` on `endDate`. */
export const oneTime = (timeZone: string, startDate: string, startTime: string, endDate: string, endTime: string): Schedule => ({
  recurrence: 'ONE_TIME',
  timeZone,
  startDate,
  startTime,
  endDate,
  endTime,
});
