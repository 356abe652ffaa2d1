import { compiled, type CompiledSchedule } from './compile';
import { firesOn } from './firing-days';
import type { Occurrence, Schedule } from './types';
import { firstInstantShowing as firstInstantShowingOf } from './zone-offsets';

type Input = Schedule | CompiledSchedule;

/**
 * The occurrence active at `t` (start ≤ t < end), or null. Looks only at the
 * local days that could hold one covering `t` — never iterates from the start,
 * so the cost does not grow with the schedule's age.
 */
export function occurrenceAt(input: Input, t: Date): Occurrence | null {
  const s = compiled(input);
  const time = t.getTime();
  if (!s.first || time < s.first.start.getTime() || (s.last && time >= s.last.end.getTime())) return null;
  if (!s.calendar) return s.single;
  const day = s.localDay(time);
  // An occurrence lasts at most a day and a DST hour, so it started on this day or the one before;
  // the day after is checked for zones whose clock falls back across midnight.
  for (let d = day + 1; d >= day - 1; d--) {
    if (!firesOn(s.calendar, d)) continue;
    const start = s.boundary(d, s.startMinute);
    if (start > time) continue;
    const occurrence = s.onDay(d);
    if (occurrence && time < occurrence.end.getTime()) return occurrence;
  }
  return null;
}

/** Rule 7: the first `limit` occurrences whose end is after `from` (an ongoing one included), in start order. */
export function nextOccurrences(input: Input, from: Date, limit: number): Occurrence[] {
  const s = compiled(input);
  const result: Occurrence[] = [];
  if (limit <= 0 || !s.first) return result;
  const time = from.getTime();
  if (!s.calendar) return s.single && s.single.end.getTime() > time ? [s.single] : [];
  for (
    let o = s.nextFrom(Math.max(s.calendar.startDay, s.localDay(time) - 1));
    o && result.length < limit;
    o = s.nextFrom(s.dayOf(o) + 1)
  ) {
    if (o.end.getTime() > time) result.push(o);
  }
  return result;
}

/** Every occurrence overlapping [from, to), in start order. */
export function occurrencesBetween(input: Input, from: Date, to: Date): Occurrence[] {
  const s = compiled(input);
  const result: Occurrence[] = [];
  const [a, b] = [from.getTime(), to.getTime()];
  if (!s.first || b <= a) return result;
  if (!s.calendar) return s.single && s.single.start.getTime() < b && s.single.end.getTime() > a ? [s.single] : [];
  for (let o = s.nextFrom(Math.max(s.calendar.startDay, s.localDay(a) - 1)); o && o.start.getTime() < b; o = s.nextFrom(s.dayOf(o) + 1)) {
    if (o.end.getTime() > a) result.push(o);
  }
  return result;
}

/** The latest occurrence that ended at or before `t`, or null. */
export function previousOccurrence(input: Input, t: Date): Occurrence | null {
  const s = compiled(input);
  const time = t.getTime();
  if (!s.first || s.first.end.getTime() > time) return null;
  if (!s.calendar) return s.single;
  if (s.last && s.last.end.getTime() <= time) return s.last;
  for (let o = s.previousFrom(s.localDay(time)); o; o = s.previousFrom(s.dayOf(o) - 1)) {
    if (o.end.getTime() <= time) return o;
  }
  return null;
}

/** Start of the first occurrence, or null when the schedule has none. */
export function firstOccurrenceStart(input: Input): Date | null {
  return compiled(input).first?.start ?? null;
}

/** End of the last occurrence; null when the schedule never ends (or has no occurrence at all). */
export function lastOccurrenceEnd(input: Input): Date | null {
  return compiled(input).last?.end ?? null;
}

/** Rule 5 on its own: the instant a local date and time in a zone stands for. */
export function zonedBoundary(timeZone: string, localDate: string, localTime: string): Date {
  const [y, m, d] = localDate.split('-').map(Number);
  const [hh, mm] = localTime.split(':').map(Number);
  return new Date(firstInstantShowingOf(timeZone, Date.UTC(y, m - 1, d, hh, mm)));
}
