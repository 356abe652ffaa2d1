import { daysInMonth, firstDayOfMonth, mondayOf, monthIndex, weekdayOf, yearMonthOf } from './local-date';

/** The calendar part of a recurring schedule: on which local days an occurrence starts. */
export interface Calendar {
  recurrence: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  startDay: number;
  /** Last day an occurrence may start; null: no end date. */
  lastDay: number | null;
  interval: number;
  /** Bit i set: weekday i (0 = Monday) fires. */
  weekdayMask: number;
  monthDays: number[];
  monthWeekdays: { ordinal: number; weekday: number }[];
}

/** How far a search for the next or previous firing day may go before deciding there is none. */
const MAX_MONTHS = 12 * 400;

/** The days of one month (index from `monthIndex`) on which a MONTHLY calendar fires, ascending. */
function daysOfMonth(c: Calendar, month: number): number[] {
  const first = firstDayOfMonth(month);
  const length = daysInMonth(month);
  const days = new Set<number>();
  for (const d of c.monthDays) {
    // A day the month lacks (31 in April) is skipped; -1 is always the last day.
    const dayOfMonth = d > 0 ? d : length + d + 1;
    if (dayOfMonth >= 1 && dayOfMonth <= length) days.add(first + dayOfMonth - 1);
  }
  for (const { ordinal, weekday } of c.monthWeekdays) {
    const firstMatch = first + ((weekday - weekdayOf(first) + 7) % 7);
    const lastMatch = firstMatch + Math.floor((length - 1 - (firstMatch - first)) / 7) * 7;
    const day = ordinal === -1 ? lastMatch : firstMatch + (ordinal - 1) * 7;
    // A fifth weekday the month lacks is skipped.
    if (day <= lastMatch) days.add(day);
  }
  return [...days].sort((a, b) => a - b);
}

function fitsMonth(c: Calendar, month: number, startMonth: number): boolean {
  return month >= startMonth && (month - startMonth) % c.interval === 0;
}

function inRange(c: Calendar, day: number): boolean {
  return day >= c.startDay && (c.lastDay === null || day <= c.lastDay);
}

/** The first day ≥ `from` on which the calendar fires, or null when there is none. */
export function nextFiringDay(c: Calendar, from: number): number | null {
  let day = Math.max(from, c.startDay);
  if (c.recurrence === 'MONTHLY') {
    const startMonth = monthIndex(yearMonthOf(c.startDay));
    for (let month = monthIndex(yearMonthOf(day)), n = 0; n < MAX_MONTHS; month++, n++) {
      if (c.lastDay !== null && firstDayOfMonth(month) > c.lastDay) return null;
      if (!fitsMonth(c, month, startMonth)) continue;
      const found = daysOfMonth(c, month).find((d) => d >= day);
      if (found !== undefined) return inRange(c, found) ? found : null;
    }
    return null;
  }
  // DAILY counts days from the start; WEEKLY counts weeks from the start's Monday.
  const unit = c.recurrence === 'DAILY' ? 1 : 7;
  const origin = c.recurrence === 'DAILY' ? c.startDay : mondayOf(c.startDay);
  const period = unit * c.interval;
  for (let steps = 0; steps < 7 * 8; steps++) {
    const offset = (((day - origin) % period) + period) % period;
    if (offset >= unit) {
      day += period - offset; // into the next period that fires
      continue;
    }
    if (c.lastDay !== null && day > c.lastDay) return null;
    if (c.weekdayMask & (1 << weekdayOf(day))) return day;
    day++;
  }
  return null;
}

/** The last day ≤ `from` (and not before the start) on which the calendar fires, or null. */
export function previousFiringDay(c: Calendar, from: number): number | null {
  let day = c.lastDay === null ? from : Math.min(from, c.lastDay);
  if (day < c.startDay) return null;
  if (c.recurrence === 'MONTHLY') {
    const startMonth = monthIndex(yearMonthOf(c.startDay));
    for (let month = monthIndex(yearMonthOf(day)), n = 0; n < MAX_MONTHS && month >= startMonth; month--, n++) {
      if (!fitsMonth(c, month, startMonth)) continue;
      const found = daysOfMonth(c, month)
        .filter((d) => d <= day)
        .pop();
      if (found !== undefined) return found >= c.startDay ? found : null;
    }
    return null;
  }
  const unit = c.recurrence === 'DAILY' ? 1 : 7;
  const origin = c.recurrence === 'DAILY' ? c.startDay : mondayOf(c.startDay);
  const period = unit * c.interval;
  for (let steps = 0; steps < 7 * 8 && day >= c.startDay; steps++) {
    const offset = (((day - origin) % period) + period) % period;
    if (offset >= unit) {
      day -= offset - (unit - 1); // back to the last day of the previous period that fires
      continue;
    }
    if (c.weekdayMask & (1 << weekdayOf(day))) return day;
    day--;
  }
  return null;
}

/** Whether the calendar fires on `day` — the same answer as `nextFiringDay(c, day) === day`, without searching. */
export function firesOn(c: Calendar, day: number): boolean {
  if (!inRange(c, day)) return false;
  if (c.recurrence !== 'MONTHLY') {
    const unit = c.recurrence === 'DAILY' ? 1 : 7;
    const origin = c.recurrence === 'DAILY' ? c.startDay : mondayOf(c.startDay);
    const period = unit * c.interval;
    return (day - origin) % period < unit && (c.weekdayMask & (1 << weekdayOf(day))) !== 0;
  }
  const { year, month, dayOfMonth } = yearMonthOf(day);
  const index = monthIndex({ year, month });
  if (!fitsMonth(c, index, monthIndex(yearMonthOf(c.startDay)))) return false;
  const length = daysInMonth(index);
  for (const d of c.monthDays) if (dayOfMonth === (d > 0 ? d : length + d + 1)) return true;
  const weekday = weekdayOf(day);
  for (const { ordinal, weekday: w } of c.monthWeekdays) {
    if (w !== weekday) continue;
    if (ordinal === -1 ? dayOfMonth + 7 > length : Math.ceil(dayOfMonth / 7) === ordinal) return true;
  }
  return false;
}
