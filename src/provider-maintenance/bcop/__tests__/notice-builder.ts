/** Builds a small BCOP calendar around the given VEVENT lines, CRLF-terminated as RFC 5545 asks. */
export function calendar(eventLines: string[], calendarLines: string[] = []): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Hush tests//EN',
    ...calendarLines,
    'BEGIN:VEVENT',
    ...eventLines,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

/** The lines of a valid minimal notice; `overrides` replace the line of the same property name, or are added. */
export function noticeLines(overrides: string[] = []): string[] {
  const base = [
    'UID:T-1@example.net',
    'DTSTART:20260610T010000Z',
    'DTEND:20260610T030000Z',
    'SUMMARY:Test works',
    'X-MAINTNOTE-MAINTENANCE-ID:T-1',
  ];
  const nameOf = (line: string) => line.split(/[;:]/, 1)[0];
  const replaced = new Set(overrides.map(nameOf));
  return [...base.filter((line) => !replaced.has(nameOf(line))), ...overrides];
}
