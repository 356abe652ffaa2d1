/**
 * Undoes iCalendar TEXT escaping (RFC 5545 3.3.11). ical.js leaves values of
 * properties it does not know (all X-MAINTNOTE-*) as written, although BCOP
 * defines them as TEXT, so `Example\, Inc.` would otherwise keep its backslash.
 */
export function unescapeText(text: string): string {
  return text.replace(/\\([\\;,nN])/g, (_, escaped: string) => (escaped === 'n' || escaped === 'N' ? '\n' : escaped));
}
