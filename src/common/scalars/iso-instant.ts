/** Instants written lately, by their time value; emptied when full (a year's calendar holds fewer). */
const written = new Map<number, string>();
const MAX_KEPT = 32_768;

/**
 * `date.toISOString()`, kept for the next time the same instant is written:
 * a calendar writes ten thousand instants (its ids too), mostly the same
 * occurrences as the request before, and V8 formats one in half a
 * microsecond. A string made by concatenation would be no faster to write
 * out: JSON.stringify would flatten each, and the garbage costs more than
 * the formatting saved. Throws as toISOString does for an invalid Date.
 */
export function isoInstant(date: Date): string {
  const ms = date.getTime();
  let iso = written.get(ms);
  if (iso === undefined) {
    iso = date.toISOString();
    if (written.size >= MAX_KEPT) written.clear();
    written.set(ms, iso);
  }
  return iso;
}
