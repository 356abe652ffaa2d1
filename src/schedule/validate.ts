import { parseDay, parseTime } from './local-date';
import { RECURRENCES, WEEKDAYS, type Schedule, type ScheduleProblem } from './types';
import { isValidTimeZone } from './zone-offsets';

export const MAX_INTERVAL = 1000;
export const MAX_OCCURRENCES = 100_000;
export const MAX_SKIP_DATES = 1000;

const given = (v: unknown) => v !== undefined && v !== null;

/** Every problem with a schedule, each with its field path; empty when it is valid. */
export function validateSchedule(s: Schedule): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const bad = (path: string, message: string) => problems.push({ path, message });

  if (!RECURRENCES.includes(s.recurrence)) bad('recurrence', `must be one of ${RECURRENCES.join(', ')}`);
  if (!isValidTimeZone(s.timeZone)) bad('timeZone', 'must be an IANA time zone such as "Europe/Berlin", or "UTC"');
  const startDay = parseDay(s.startDate);
  if (startDay === null) bad('startDate', 'must be a date, YYYY-MM-DD');
  const startTime = parseTime(s.startTime);
  if (startTime === null) bad('startTime', 'must be HH:mm (00:00–23:59)');
  const endTime = parseTime(s.endTime);
  if (endTime === null) bad('endTime', 'must be HH:mm (00:00–23:59)');
  const endDay = given(s.endDate) ? parseDay(s.endDate) : undefined;
  if (endDay === null) bad('endDate', 'must be a date, YYYY-MM-DD');
  if (given(s.skipDates)) {
    // Duplicates are folded, not refused: skipping a date twice means the same as once.
    if (new Set(s.skipDates).size > MAX_SKIP_DATES) bad('skipDates', `must name at most ${MAX_SKIP_DATES} dates`);
    s.skipDates.forEach((d, i) => parseDay(d) === null && bad(`skipDates.${i}`, 'must be a date, YYYY-MM-DD'));
  }

  if (s.recurrence === 'ONE_TIME') {
    if (!given(s.endDate)) bad('endDate', 'is required for ONE_TIME: the day the window closes');
    if (given(s.occurrences)) bad('occurrences', 'applies only to recurring schedules');
    if (given(s.interval) && s.interval !== 1) bad('interval', 'applies only to recurring schedules');
    for (const field of ['weekdays', 'monthDays', 'monthWeekdays'] as const)
      if (given(s[field])) bad(field, 'applies only to recurring schedules');
    if (startDay !== null && typeof endDay === 'number' && startTime !== null && endTime !== null) {
      if (endDay * 1440 + endTime <= startDay * 1440 + startTime)
        bad(endDay < startDay ? 'endDate' : 'endTime', 'the window must end after it starts');
    }
    return problems;
  }

  if (given(s.endDate) && given(s.occurrences)) bad('occurrences', 'give endDate or occurrences, not both');
  if (startDay !== null && typeof endDay === 'number' && endDay < startDay) bad('endDate', 'must not be before startDate');
  if (given(s.occurrences) && (!Number.isInteger(s.occurrences) || s.occurrences < 1 || s.occurrences > MAX_OCCURRENCES)) {
    bad('occurrences', `must be a whole number from 1 to ${MAX_OCCURRENCES}`);
  }
  if (given(s.interval) && (!Number.isInteger(s.interval) || s.interval < 1 || s.interval > MAX_INTERVAL))
    bad('interval', `must be a whole number from 1 to ${MAX_INTERVAL}`);

  const weekdaysAllowed = s.recurrence === 'DAILY' || s.recurrence === 'WEEKLY';
  if (s.recurrence === 'WEEKLY' && (!s.weekdays || s.weekdays.length === 0)) bad('weekdays', 'WEEKLY needs at least one weekday');
  if (given(s.weekdays)) {
    if (!weekdaysAllowed) bad('weekdays', 'applies only to DAILY and WEEKLY schedules');
    else if (s.recurrence === 'DAILY' && s.weekdays.length === 0)
      bad('weekdays', 'leave it out to fire every day, or name at least one day');
    else checkList(s.weekdays, 'weekdays', (d) => (WEEKDAYS.includes(d) ? null : `must be one of ${WEEKDAYS.join(', ')}`), bad);
  }

  if (s.recurrence === 'MONTHLY') {
    const days = given(s.monthDays);
    const weekdays = given(s.monthWeekdays);
    if (days === weekdays) bad(days ? 'monthWeekdays' : 'monthDays', 'MONTHLY needs exactly one of monthDays and monthWeekdays');
    if (days) {
      if (s.monthDays!.length === 0) bad('monthDays', 'needs at least one day');
      checkList(
        s.monthDays!,
        'monthDays',
        (d) =>
          Number.isInteger(d) && d !== 0 && d >= -31 && d <= 31 ? null : 'must be 1..31, or -1..-31 counted from the end of the month',
        bad,
      );
    }
    if (weekdays) {
      if (s.monthWeekdays!.length === 0) bad('monthWeekdays', 'needs at least one entry');
      s.monthWeekdays!.forEach((w, i) => {
        if (!(Number.isInteger(w.ordinal) && ((w.ordinal >= 1 && w.ordinal <= 5) || w.ordinal === -1)))
          bad(`monthWeekdays.${i}.ordinal`, 'must be 1..5, or -1 for the last');
        if (!WEEKDAYS.includes(w.weekday)) bad(`monthWeekdays.${i}.weekday`, `must be one of ${WEEKDAYS.join(', ')}`);
      });
      const keys = s.monthWeekdays!.map((w) => `${w.ordinal}/${w.weekday}`);
      keys.forEach((k, i) => keys.indexOf(k) !== i && bad(`monthWeekdays.${i}`, 'is listed twice'));
    }
  } else {
    for (const field of ['monthDays', 'monthWeekdays'] as const) if (given(s[field])) bad(field, 'applies only to MONTHLY schedules');
  }
  return problems;
}

function checkList<T>(values: T[], path: string, check: (v: T) => string | null, bad: (path: string, message: string) => void) {
  values.forEach((v, i) => {
    const problem = check(v);
    if (problem) bad(`${path}.${i}`, problem);
    else if (values.indexOf(v) !== i) bad(`${path}.${i}`, 'is listed twice');
  });
}
