import { readdirSync } from 'node:fs';
import { parseBcopNotification } from '../parse-notification';
import { expectedNotices, fixture, FIXTURES, plain, problemsOf } from './notice-files';

const IMPACTS = 'NO-IMPACT, REDUCED-REDUNDANCY, DEGRADED, OUTAGE';

/** Each fixture with what it shows; the notices it must parse to are beside it in `<fixture>.expected.json`. */
const GOLDEN: [string, string][] = [
  ['series-1-tentative.ics', 'one maintenance id at SEQUENCE 1, TENTATIVE'],
  ['series-2-confirmed.ics', 'the same id at SEQUENCE 2, CONFIRMED, the window moved one week'],
  ['series-3-re-scheduled.ics', 'the same id at SEQUENCE 3, RE-SCHEDULED, the window moved again'],
  ['in-process-multi-circuit.ics', 'reads several circuits with their own impacts, an escaped comma and a lower-case impact'],
  ['completed-amsterdam-vtimezone.ics', 'reads a window across the autumn DST change through the calendar’s VTIMEZONE'],
  ['confirmed-outlook-zone-name.ics', 'reads a Windows zone name that only its VTIMEZONE defines, across the spring DST change'],
  ['cancelled-new-york-tzid.ics', 'reads a TZID naming an IANA zone without a VTIMEZONE, across the spring DST change'],
  ['no-change-folded.ics', 'unfolds long lines (space and tab continuations) and reads NO-CHANGE as no status'],
  [
    'two-notices-no-status.ics',
    'returns one notice per maintenance VEVENT, skipping other events; no STATUS and floating times (as UTC) are fine',
  ],
  // Samples in the shapes real providers send: VALUE=DATE-TIME parameters, no line end after END:VCALENDAR,
  // CRLF or LF, folded lines, no STATUS or SEQUENCE, an ORGANIZER whose CN is an address.
  ['sample-1-tentative.ics', 'first notice, TENTATIVE, SEQUENCE 1'],
  ['sample-2-confirmed.ics', 'SEQUENCE 2, moved two days later, CONFIRMED'],
  ['sample-3-in-process.ics', 'SEQUENCE 3, IN-PROCESS'],
  ['sample-no-status-folded.ics', 'no STATUS, no SEQUENCE, no ORGANIZER, a per-object impact and folded lines'],
  ['sample-cancelled-no-objects.ics', 'CANCELLED with no OBJECT-ID'],
];

describe('parseBcopNotification on our fixtures', () => {
  it.each(GOLDEN)('%s: %s', (name) => {
    expect(parseBcopNotification(fixture(name)).map(plain)).toEqual(expectedNotices(name));
  });

  it('checks every golden file there is', () => {
    const golden = readdirSync(FIXTURES).filter((name) => name.endsWith('.expected.json'));
    expect(golden.map((name) => name.replace(/\.expected\.json$/, '.ics')).sort()).toEqual(GOLDEN.map(([name]) => name).sort());
  });

  it('reports every problem of every event of a malformed notice at once', () => {
    const at = (event: number, name: string) => `input.ical.VEVENT[${event}].${name}`;
    expect(problemsOf(() => parseBcopNotification(fixture('malformed-fields.ics')))).toEqual([
      { path: at(0, 'X-MAINTNOTE-MAINTENANCE-ID'), message: 'is required' },
      { path: at(0, 'SUMMARY'), message: 'is required' },
      { path: at(0, 'DTEND'), message: 'is before DTSTART' },
      {
        path: at(0, 'X-MAINTNOTE-STATUS'),
        message:
          'is not a BCOP status: POSTPONED (expected TENTATIVE, CONFIRMED, IN-PROCESS, COMPLETED, CANCELLED, RE-SCHEDULED, NO-CHANGE)',
      },
      { path: at(0, 'X-MAINTNOTE-IMPACT'), message: `is not a BCOP impact: MINOR (expected ${IMPACTS})` },
      { path: at(0, 'X-MAINTNOTE-OBJECT-ID[1].X-MAINTNOTE-OBJECT-IMPACT'), message: `is not a BCOP impact: SEVERE (expected ${IMPACTS})` },
      { path: at(1, 'DTSTART'), message: 'is in time zone Mars/Olympus_Mons, which has no VTIMEZONE and is not an IANA or Windows zone' },
      { path: at(1, 'DTEND'), message: 'must be a date-time, not a date' },
      { path: at(1, 'X-MAINTNOTE-OBJECT-ID[0]'), message: 'must not be empty' },
      { path: at(1, 'SEQUENCE'), message: 'must be a whole number from 0 to 9007199254740991' },
      { path: at(2, 'DTSTART'), message: 'is required' },
      { path: at(2, 'DTEND'), message: 'is required' },
      { path: at(2, 'DTSTAMP'), message: 'is not a valid date-time' },
    ]);
  });

  it('refuses a notice cut off in transit as not iCalendar', () => {
    expect(problemsOf(() => parseBcopNotification(fixture('malformed-truncated.ics')))).toEqual([
      { path: 'input.ical', message: 'is not iCalendar: invalid ical body. component began but did not end' },
    ]);
  });
});
