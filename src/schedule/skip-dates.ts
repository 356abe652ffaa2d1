import { compiled, type CompiledSchedule } from './compile';
import { firesOn } from './firing-days';
import { formatDay } from './local-date';
import type { Schedule } from './types';

/** Skip dates as they are kept: each once, in date order (a date skipped twice is skipped once). */
export function foldSkipDates(dates: readonly string[]): string[] {
  return [...new Set(dates)].sort();
}

/**
 * The local date to add to `skipDates` to skip the occurrence that starts
 * exactly at `start`, or null when none does (an occurrence already skipped
 * does not start any more). Like `occurrenceAt`, it looks only at the local
 * days around `start`.
 */
export function skipDateOf(input: Schedule | CompiledSchedule, start: Date): string | null {
  const s = compiled(input);
  const time = start.getTime();
  if (!s.calendar) return s.single?.start.getTime() === time ? s.source.startDate : null;
  const day = s.localDay(time);
  for (let d = day - 1; d <= day + 1; d++) {
    if (firesOn(s.calendar, d) && s.onDay(d)?.start.getTime() === time) return formatDay(d);
  }
  return null;
}
