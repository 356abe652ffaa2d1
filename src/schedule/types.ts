export type Recurrence = 'ONE_TIME' | 'DAILY' | 'WEEKLY' | 'MONTHLY';
export type Weekday = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** Monday first, as weeks are counted (ISO). */
export const WEEKDAYS: readonly Weekday[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
export const RECURRENCES: readonly Recurrence[] = ['ONE_TIME', 'DAILY', 'WEEKLY', 'MONTHLY'];

/** "second TUESDAY" is { ordinal: 2, weekday: 'TUESDAY' }; ordinal -1 is the last. */
export interface MonthWeekday {
  ordinal: number;
  weekday: Weekday;
}

/** When something recurs, in one IANA zone; see docs/schedule.md for the rules. */
export interface Schedule {
  recurrence: Recurrence;
  timeZone: string;
  startDate: string;
  startTime: string;
  endTime: string;
  endDate?: string | null;
  occurrences?: number | null;
  interval?: number | null;
  weekdays?: Weekday[] | null;
  monthDays?: number[] | null;
  monthWeekdays?: MonthWeekday[] | null;
  /** Local dates (`YYYY-MM-DD`) on which an occurrence starting then does not happen; it still counts toward `occurrences`. */
  skipDates?: string[] | null;
}

/** A window of time, half-open: active at T when start ≤ T < end. */
export interface Occurrence {
  start: Date;
  end: Date;
}

/** One problem with a schedule; `path` is relative to the schedule (`monthDays.2`). */
export interface ScheduleProblem {
  path: string;
  message: string;
}
