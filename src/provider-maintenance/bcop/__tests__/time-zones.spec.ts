import { parseBcopNotification } from '../parse-notification';
import { ianaZoneFor, isIanaZone } from '../time-zone-names';
import { calendar, noticeLines } from './notice-builder';
import { fixture, plain } from './notice-files';

/** The window and zone parse reads from the given DTSTART/DTEND lines (and calendar lines such as a VTIMEZONE). */
function window(lines: string[], calendarLines: string[] = []) {
  const [notice] = parseBcopNotification(calendar(noticeLines(lines), calendarLines));
  return { start: notice.start.toISOString(), end: notice.end.toISOString(), timeZone: notice.timeZone, timeZoneName: notice.timeZoneName };
}

/** A made-up definition under a real IANA name, to tell which of the two was used. */
const FIXED_PLUS_THREE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Amsterdam',
  'BEGIN:STANDARD',
  'DTSTART:19700101T000000',
  'TZOFFSETFROM:+0300',
  'TZOFFSETTO:+0300',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Each case: the DTSTART/DTEND lines (and calendar lines), and the window and zone they must be read as. */
const WINDOWS: { title: string; lines: string[]; calendarLines?: string[]; expected: ReturnType<typeof window> }[] = [
  {
    title: 'reads UTC times as they are',
    lines: ['DTSTART:20260610T010000Z', 'DTEND:20260610T030000Z'],
    expected: { start: '2026-06-10T01:00:00.000Z', end: '2026-06-10T03:00:00.000Z', timeZone: null, timeZoneName: null },
  },
  {
    title: 'reads floating times (no Z, no TZID) as UTC',
    lines: ['DTSTART:20260610T010000', 'DTEND:20260610T030000'],
    expected: { start: '2026-06-10T01:00:00.000Z', end: '2026-06-10T03:00:00.000Z', timeZone: null, timeZoneName: null },
  },
  {
    title: 'prefers the calendar’s VTIMEZONE over the IANA zone of the same name',
    lines: ['DTSTART;TZID=Europe/Amsterdam:20260610T040000', 'DTEND;TZID=Europe/Amsterdam:20260610T060000'],
    calendarLines: FIXED_PLUS_THREE,
    expected: {
      start: '2026-06-10T01:00:00.000Z',
      end: '2026-06-10T03:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      timeZoneName: 'Europe/Amsterdam',
    },
  },
  {
    title: 'uses the IANA zone when there is no VTIMEZONE, summer and winter',
    lines: ['DTSTART;TZID=Europe/Amsterdam:20260610T040000', 'DTEND;TZID=Europe/Amsterdam:20261210T040000'],
    expected: {
      start: '2026-06-10T02:00:00.000Z',
      end: '2026-12-10T03:00:00.000Z',
      timeZone: 'Europe/Amsterdam',
      timeZoneName: 'Europe/Amsterdam',
    },
  },
  {
    title: 'keeps a Z time in UTC even with a TZID, and reports the TZID of DTSTART only',
    lines: ['DTSTART;TZID=Asia/Tokyo:20260610T010000Z', 'DTEND;TZID=Asia/Kolkata:20260610T083000'],
    // The end, 08:30 IST (+05:30), is 03:00 UTC.
    expected: { start: '2026-06-10T01:00:00.000Z', end: '2026-06-10T03:00:00.000Z', timeZone: 'Asia/Tokyo', timeZoneName: 'Asia/Tokyo' },
  },
  {
    title: 'reads a start in the hour New York repeats in November and an end after it',
    lines: ['DTSTART;TZID=America/New_York:20261101T013000', 'DTEND;TZID=America/New_York:20261101T030000'],
    // 01:30 happens twice on 2026-11-01; date-fns-tz takes the first (EDT, -04:00).
    expected: {
      start: '2026-11-01T05:30:00.000Z',
      end: '2026-11-01T08:00:00.000Z',
      timeZone: 'America/New_York',
      timeZoneName: 'America/New_York',
    },
  },
];

describe('parseBcopNotification time zones', () => {
  it.each(WINDOWS)('$title', ({ lines, calendarLines, expected }) => {
    expect(window(lines, calendarLines)).toEqual(expected);
  });

  it('reads a quoted TZID', () => {
    expect(window(['DTSTART;TZID="Australia/Sydney":20260610T100000', 'DTEND;TZID="Australia/Sydney":20260610T120000']).start).toBe(
      '2026-06-10T00:00:00.000Z',
    );
  });
});

describe('ianaZoneFor', () => {
  it.each<[string, string | null]>([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['europe/berlin', 'Europe/Berlin'],
    ['"America/New_York"', 'America/New_York'],
    ['UTC', 'UTC'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Eastern Standard Time', 'America/New_York'],
    ['eastern standard time', 'America/New_York'],
    ['India Standard Time', 'Asia/Calcutta'],
    ['GMT Standard Time', 'Europe/London'],
    ['/mozilla.org/20050126_1/Europe/Berlin', 'Europe/Berlin'],
    ['/citadel.org/20190914_1/America/Chicago', 'America/Chicago'],
    ['Customized Time Zone', null],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', null],
    ['Mars/Olympus_Mons', null],
    ['', null],
  ])('%s → %s', (tzid, zone) => {
    expect(ianaZoneFor(tzid)).toBe(zone);
    if (zone) expect(isIanaZone(zone)).toBe(true);
  });
});

describe('parseBcopNotification with zone names that are not IANA', () => {
  it('reads a Windows zone name without a VTIMEZONE through CLDR’s mapping, keeping the name', () => {
    expect(window(['DTSTART;TZID=Eastern Standard Time:20261208T230000', 'DTEND;TZID=Eastern Standard Time:20261209T030000'])).toEqual({
      start: '2026-12-09T04:00:00.000Z',
      end: '2026-12-09T08:00:00.000Z',
      timeZone: 'America/New_York',
      timeZoneName: 'Eastern Standard Time',
    });
  });

  it('reads a zone only its VTIMEZONE defines, and tells no IANA zone for it', () => {
    expect(parseBcopNotification(fixture('customized-time-zone.ics')).map(plain)[0]).toMatchObject({
      start: '2026-12-11T20:00:00.000Z', // 01:30 at +05:30
      end: '2026-12-12T00:00:00.000Z',
      timeZone: null,
      timeZoneName: 'Customized Time Zone',
    });
  });

  it('maps an Outlook zone that has its VTIMEZONE, reading the times through the VTIMEZONE', () => {
    expect(parseBcopNotification(fixture('eastern-standard-time.ics')).map(plain)[0]).toMatchObject({
      start: '2026-12-09T04:00:00.000Z',
      end: '2026-12-09T08:00:00.000Z',
      timeZone: 'America/New_York',
      timeZoneName: 'Eastern Standard Time',
    });
  });
});
