import { parseBcopNotification } from '../parse-notification';
import { calendar, noticeLines } from './notice-builder';
import { problemsOf } from './notice-files';

const problems = (text: string) => problemsOf(() => parseBcopNotification(text));
const only = (path: string, message: string) => [{ path, message }];

describe('parseBcopNotification refuses text that is not one iCalendar object', () => {
  it.each<[string, string, string]>([
    ['an empty text', '', 'is not iCalendar: it is empty'],
    ['blank lines', '\r\n\r\n', 'is not iCalendar: it is empty'],
    [
      'an e-mail body',
      'Dear customer, we will perform maintenance',
      'is not iCalendar: invalid line (no token ";" or ":") "Dear customer, we will perform maintenance"',
    ],
    ['a bare VEVENT', 'BEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\n', 'is not iCalendar: it begins with VEVENT, not VCALENDAR'],
    ['a vCard', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:NOC\r\nEND:VCARD\r\n', 'is not iCalendar: it begins with VCARD, not VCALENDAR'],
    [
      'mismatched END',
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nEND:VCALENDAR\r\n',
      'is not iCalendar: invalid ical body. component began but did not end',
    ],
  ])('%s', (_, text, message) => {
    expect(problems(text)).toEqual(only('input.ical', message));
  });

  it.each<[string, string, string]>([
    [
      'a JSON object',
      '{"ical":"BEGIN:VCALENDAR"}',
      'is not iCalendar: it is JSON; send the iCalendar text as received (BEGIN:VCALENDAR … END:VCALENDAR), not encoded',
    ],
    [
      'a JSON string',
      JSON.stringify(calendar(noticeLines())),
      'is not iCalendar: it is JSON; send the iCalendar text as received (BEGIN:VCALENDAR … END:VCALENDAR), not encoded',
    ],
    [
      'an e-mail',
      `From: noc@example.net\r\nSubject: Maintenance\r\nContent-Type: text/calendar\r\n\r\n${calendar(noticeLines())}`,
      'is not iCalendar: it is an e-mail; import it with importMaintenanceEmail, or send its text/calendar part',
    ],
    [
      'an mbox e-mail',
      `From noc@example.net Tue Jun  2 10:00:00 2026\nReceived: from mx by mail; Tue, 2 Jun 2026 10:00:00 +0000\n\nhello`,
      'is not iCalendar: it is an e-mail; import it with importMaintenanceEmail, or send its text/calendar part',
    ],
    [
      'a property before any component',
      'SUMMARY:Maintenance\r\nDTSTART:20260610T010000Z\r\n',
      'is not iCalendar: it does not begin with BEGIN:VCALENDAR (its first line is "SUMMARY:Maintenance")',
    ],
  ])('names %s as what it is, never with a parser’s internal error', (_, text, message) => {
    expect(problems(text)).toEqual(only('input.ical', message));
  });

  it('reads a text that starts with a byte-order mark', () => {
    expect(parseBcopNotification(`\uFEFF${calendar(noticeLines())}`)).toHaveLength(1);
  });

  it('shortens an overlong line that ical.js quotes back', () => {
    const [problem] = problems('x'.repeat(5000));
    expect(problem.message.startsWith('is not iCalendar: invalid line (no token ";" or ":") "xxx')).toBe(true);
    expect(problem.message).toHaveLength('is not iCalendar: '.length + 200 + 1);
  });

  it('refuses two calendars in one text', () => {
    const one = calendar(noticeLines());
    expect(problems(one + one)).toEqual(only('input.ical', 'holds 2 top-level components; a notification is one VCALENDAR'));
  });

  it('refuses a calendar with no maintenance event', () => {
    expect(problems(calendar(['UID:lunch', 'DTSTART:20260610T120000Z', 'DTEND:20260610T130000Z', 'SUMMARY:Lunch']))).toEqual(
      only('input.ical', 'has no VEVENT with X-MAINTNOTE properties'),
    );
    expect(problems('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n')).toEqual(
      only('input.ical', 'has no VEVENT with X-MAINTNOTE properties'),
    );
  });
});

describe('parseBcopNotification names each bad field', () => {
  const at = (name: string) => `input.ical.VEVENT[0].${name}`;

  it.each<[string, string[], string, string]>([
    ['a blank MAINTENANCE-ID', ['X-MAINTNOTE-MAINTENANCE-ID:  '], 'X-MAINTNOTE-MAINTENANCE-ID', 'is required'],
    ['a blank SUMMARY', ['SUMMARY:'], 'SUMMARY', 'is required'],
    ['a month 13', ['DTSTART:20261301T010000Z'], 'DTSTART', 'is not a valid date-time'],
    ['a 25th hour', ['DTEND:20260610T250000Z'], 'DTEND', 'is not a valid date-time'],
    ['February 30th', ['DTSTART:20260230T010000Z'], 'DTSTART', 'is not a valid date-time'],
    ['a date-time without seconds', ['DTSTART:20260610T0100Z'], 'DTSTART', 'is not a valid date-time'],
    ['text instead of a date-time', ['DTEND:tomorrow'], 'DTEND', 'is not a valid date-time'],
    ['an all-day DTSTART', ['DTSTART;VALUE=DATE:20260610'], 'DTSTART', 'must be a date-time, not a date'],
    ['a period instead of a date-time', ['DTEND;VALUE=PERIOD:20260610T010000Z/PT2H'], 'DTEND', 'is not a valid date-time'],
    ['an end one second before the start', ['DTEND:20260610T005959Z'], 'DTEND', 'is before DTSTART'],
    [
      'an unknown zone',
      ['DTEND;TZID=Europe/Atlantis:20260610T030000'],
      'DTEND',
      'is in time zone Europe/Atlantis, which has no VTIMEZONE and is not an IANA or Windows zone',
    ],
    ['a bad DTSTAMP', ['DTSTAMP:20260631T000000Z'], 'DTSTAMP', 'is not a valid date-time'],
    ['a negative SEQUENCE', ['SEQUENCE:-3'], 'SEQUENCE', 'must be a whole number from 0 to 9007199254740991'],
    ['an empty OBJECT-ID', ['X-MAINTNOTE-OBJECT-ID:A', 'X-MAINTNOTE-OBJECT-ID:'], 'X-MAINTNOTE-OBJECT-ID[1]', 'must not be empty'],
  ])('%s', (_, lines, name, message) => {
    expect(problems(calendar(noticeLines(lines)))).toEqual(only(at(name), message));
  });

  it('refuses a SEQUENCE it cannot keep exactly, and accepts one above 2^31 (a time in milliseconds)', () => {
    expect(problems(calendar(noticeLines(['SEQUENCE:9007199254740992'])))).toEqual(
      only(at('SEQUENCE'), 'must be a whole number from 0 to 9007199254740991'),
    );
    expect(parseBcopNotification(calendar(noticeLines(['SEQUENCE:1780000000123'])))[0].sequence).toBe(1_780_000_000_123);
  });

  it('takes DURATION for a missing DTEND, and refuses a negative one', () => {
    const [notice] = parseBcopNotification(calendar(noticeLines(['DTEND:', 'DURATION:PT4H30M']).filter((l) => l !== 'DTEND:')));
    expect(notice.end.toISOString()).toBe('2026-06-10T05:30:00.000Z');
    expect(problems(calendar(noticeLines(['DURATION:-PT1H']).filter((l) => !l.startsWith('DTEND'))))).toEqual(
      only(at('DURATION'), 'must not be negative'),
    );
  });

  it('accepts an end equal to the start (a zero-length window is not malformed)', () => {
    const [notice] = parseBcopNotification(calendar(noticeLines(['DTEND:20260610T010000Z'])));
    expect(notice.end.toISOString()).toBe('2026-06-10T01:00:00.000Z');
  });

  it('counts VEVENTs in the calendar, maintenance or not, so the path points at the right one', () => {
    const text = calendar(noticeLines(), ['BEGIN:VEVENT', 'UID:lunch', 'SUMMARY:Lunch', 'END:VEVENT']).replace(
      'X-MAINTNOTE-MAINTENANCE-ID:T-1',
      'X-MAINTNOTE-MAINTENANCE-ID:T-1\r\nX-MAINTNOTE-STATUS:DONE',
    );
    expect(problems(text)).toEqual(
      only(
        'input.ical.VEVENT[1].X-MAINTNOTE-STATUS',
        'is not a BCOP status: DONE (expected TENTATIVE, CONFIRMED, IN-PROCESS, COMPLETED, CANCELLED, RE-SCHEDULED, NO-CHANGE)',
      ),
    );
  });

  it.each<[string, string[]]>([
    ['a garbled offset', ['BEGIN:STANDARD', 'DTSTART:19701025T030000', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:garbage', 'END:STANDARD']],
    ['no DTSTART', ['BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'END:STANDARD']],
    ['no observance at all', []],
  ])('refuses a VTIMEZONE with %s rather than reading it as UTC', (_, observances) => {
    const text = calendar(noticeLines(['DTSTART;TZID=Broken:20260610T010000']), [
      'BEGIN:VTIMEZONE',
      'TZID:Broken',
      ...observances,
      'END:VTIMEZONE',
    ]);
    expect(problems(text)).toEqual(only(at('DTSTART'), 'is in time zone Broken, whose VTIMEZONE cannot be read'));
  });
});
