/**
 * Calendar arithmetic on local days as integers (days since 1970-01-01),
 * which makes "the next day", "the Monday of this week" and "months since"
 * plain integer maths, free of any time zone.
 */
export const DAY_MS = 86_400_000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Day number of a `YYYY-MM-DD`, or null when it is not a real date. */
export function parseDay(text: string): number | null {
  const m = DATE.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** Minutes since midnight of an `HH:mm`, or null. */
export function parseTime(text: string): number | null {
  const m = TIME.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function mondayOf(day: number): number {
  return day - weekdayOf(day);
}

export interface YearMonth {
  year: number;
  /** 0-based */
  month: number;
}

export function yearMonthOf(day: number): YearMonth & { dayOfMonth: number } {
  const d = new Date(day * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth(), dayOfMonth: d.getUTCDate() };
}

/** Months since year 0, so two months subtract to a distance. */
export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + ym.month;
}

export function firstDayOfMonth(index: number): number {
  return Date.UTC(Math.floor(index / 12), index % 12, 1) / DAY_MS;
}

export function daysInMonth(index: number): number {
  return firstDayOfMonth(index + 1) - firstDayOfMonth(index);
}

export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
