import { formatInTimeZone, getTimezoneOffset } from 'date-fns-tz';

/** An instant as local ISO text with its offset in `zone` (e.g. `2026-03-29T03:30:00+02:00`); UTC without a zone. */
export function inZone(instant: Date, zone: string | null): string {
  return formatInTimeZone(instant, zone ?? 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX");
}

/** True only when the original zone is set and its offset at `instant` differs from the viewer's. */
export function hasTimeZoneDifference(instant: Date, originalZone: string | null, viewerZone: string): boolean {
  if (!originalZone) return false;
  return getTimezoneOffset(originalZone, instant) !== getTimezoneOffset(viewerZone, instant);
}
