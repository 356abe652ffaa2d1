/**
 * The schedule engine: one-time and recurring windows in any IANA zone,
 * correct across DST (the rules are in docs/schedule.md). Plain functions, no
 * framework: every module that schedules things uses it.
 */
export { CompiledSchedule, compileSchedule, ScheduleError } from './compile';
export * from './occurrences';
export { foldSkipDates, skipDateOf } from './skip-dates';
export { WEEKDAYS, type MonthWeekday, type Occurrence, type Recurrence, type Schedule, type ScheduleProblem, type Weekday } from './types';
export { MAX_INTERVAL, MAX_OCCURRENCES, MAX_SKIP_DATES, validateSchedule } from './validate';
export { isValidTimeZone } from './zone-offsets';
