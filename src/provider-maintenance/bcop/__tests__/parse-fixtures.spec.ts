import { parseBcopNotification } from '../parse-notification';
import { fixture, plain, problemsOf } from './notice-files';

const parsed = (name: string) => parseBcopNotification(fixture(name)).map(plain);

const NORDLICHT = {
  uid: 'NLF-CHG-0042@noc.nordlicht-fibre.example',
  provider: 'nordlicht-fibre.example',
  account: 'CUST-58213',
  maintenanceId: 'NLF-CHG-0042',
  impact: 'OUTAGE',
  objects: [{ id: 'NLF-WAVE-100G-0311', impact: null }],
  organizer: 'mailto:noc@nordlicht-fibre.example',
  timeZone: null,
  timeZoneName: null,
};

const IMPACTS = 'NO-IMPACT, REDUCED-REDUNDANCY, DEGRADED, OUTAGE';

describe('parseBcopNotification on our fixtures', () => {
  it('follows one maintenance id through SEQUENCE 1, 2 and 3 as the window moves', () => {
    expect([...parsed('series-1-tentative.ics'), ...parsed('series-2-confirmed.ics'), ...parsed('series-3-re-scheduled.ics')]).toEqual([
      {
        ...NORDLICHT,
        sequence: 1,
        stamp: '2026-02-20T09:15:00.000Z',
        status: 'TENTATIVE',
        summary: 'Planned fibre splicing Hamburg - Bremen',
        start: '2026-03-14T01:00:00.000Z',
        end: '2026-03-14T05:00:00.000Z',
      },
      {
        ...NORDLICHT,
        sequence: 2,
        stamp: '2026-03-01T10:30:00.000Z',
        status: 'CONFIRMED',
        summary: 'Planned fibre splicing Hamburg - Bremen (moved one week)',
        start: '2026-03-21T01:00:00.000Z',
        end: '2026-03-21T05:00:00.000Z',
      },
      {
        ...NORDLICHT,
        sequence: 3,
        stamp: '2026-03-19T16:00:00.000Z',
        status: 'RE_SCHEDULED',
        summary: 'RESCHEDULED: Planned fibre splicing Hamburg - Bremen',
        start: '2026-03-28T22:00:00.000Z',
        end: '2026-03-29T03:00:00.000Z',
      },
    ]);
  });

  it('reads several circuits with their own impacts, an escaped comma and a lower-case impact', () => {
    expect(parsed('in-process-multi-circuit.ics')).toEqual([
      {
        uid: 'ATL-MW-7781@atlas-transit.example',
        sequence: 4,
        stamp: '2026-05-05T22:10:04.000Z',
        provider: 'atlas-transit.example',
        account: 'Example, Inc.',
        maintenanceId: 'ATL-MW-7781',
        status: 'IN_PROCESS',
        impact: 'DEGRADED',
        objects: [
          { id: 'ATL-IP-FRA2-00117', impact: 'OUTAGE' },
          { id: 'ATL-IP-FRA2-00118', impact: 'REDUCED_REDUNDANCY' },
          { id: 'ATL-IP-FRA2-00119', impact: null },
          { id: 'ATL-MGMT-FRA2-0009', impact: 'NO_IMPACT' },
        ],
        summary: 'Line card replacement in FRA2 core router',
        organizer: 'mailto:changes@atlas-transit.example',
        start: '2026-05-05T22:00:00.000Z',
        end: '2026-05-06T04:00:00.000Z',
        timeZone: null,
        timeZoneName: null,
      },
    ]);
  });

  it('reads a window across the autumn DST change through the calendar’s VTIMEZONE', () => {
    // 01:00 is still CEST (+02:00), 04:00 already CET (+01:00): three hours on the clock, four real ones (02:00-03:00 happens twice).
    expect(parsed('completed-amsterdam-vtimezone.ics')).toEqual([
      {
        uid: 'PN-2025-1026-AMS@polder-networks.example',
        sequence: 2,
        stamp: '2025-10-26T04:15:00.000Z',
        provider: 'polder-networks.example',
        account: 'PN-4471',
        maintenanceId: 'PN-2025-1026-AMS',
        status: 'COMPLETED',
        impact: 'REDUCED_REDUNDANCY',
        objects: [{ id: 'PN-XC-AMS3-2231', impact: null }],
        summary: 'Completed: power works AMS-IX colocation hall 3',
        organizer: 'mailto:noc@polder-networks.example',
        start: '2025-10-25T23:00:00.000Z',
        end: '2025-10-26T03:00:00.000Z',
        timeZone: 'Europe/Amsterdam',
        timeZoneName: 'Europe/Amsterdam',
      },
    ]);
  });

  it('reads a Windows zone name that only its VTIMEZONE defines, across the spring DST change', () => {
    expect(parsed('confirmed-outlook-zone-name.ics')).toEqual([
      {
        uid: '040000008200E00074C5B7101A82E00800000000D0A1',
        sequence: 0,
        stamp: '2026-03-10T08:00:00.000Z',
        provider: 'alpen-carrier.example',
        account: null,
        maintenanceId: 'AC-2026-0329-ZRH',
        status: 'CONFIRMED',
        impact: 'OUTAGE',
        objects: [{ id: 'AC-ETH-10G-ZRH-BSL-01', impact: null }],
        summary: 'Wartungsarbeiten Backbone Zürich - Basel',
        organizer: 'mailto:noc@alpen-carrier.example',
        start: '2026-03-29T00:30:00.000Z', // 01:30 CET
        end: '2026-03-29T02:30:00.000Z', // 04:30 CEST
        timeZone: 'Europe/Berlin',
        timeZoneName: 'W. Europe Standard Time',
      },
    ]);
  });

  it('reads a TZID naming an IANA zone without a VTIMEZONE, across the spring DST change', () => {
    expect(parsed('cancelled-new-york-tzid.ics')).toEqual([
      {
        uid: 'HMF-31337@hudson-metro.example',
        sequence: 3,
        stamp: '2026-03-06T15:00:00.000Z',
        provider: 'hudson-metro.example',
        account: 'HMF-ACCT-0907',
        maintenanceId: 'HMF-31337',
        status: 'CANCELLED',
        impact: 'NO_IMPACT',
        objects: [{ id: 'HMF-DF-0042', impact: null }],
        summary: 'CANCELLED - Emergency generator test 60 Hudson St',
        organizer: 'mailto:noc@hudson-metro.example',
        start: '2026-03-08T06:00:00.000Z', // 01:00 EST
        end: '2026-03-08T08:00:00.000Z', // 04:00 EDT
        timeZone: 'America/New_York',
        timeZoneName: 'America/New_York',
      },
    ]);
  });

  it('unfolds long lines (space and tab continuations) and reads NO-CHANGE as no status', () => {
    expect(parsed('no-change-folded.ics')).toEqual([
      {
        uid: 'CWS-MAINT-2026-000913@cascadia-wave.example',
        sequence: 5,
        stamp: '2026-06-12T17:45:00.000Z',
        provider: 'cascadia-wave.example',
        account: 'CWS-ENT-118',
        maintenanceId: 'CWS-MAINT-2026-000913',
        status: null,
        impact: 'REDUCED_REDUNDANCY',
        objects: [
          { id: 'CWS-LH-SEA-PDX-SAC-400G-WAVE-0001', impact: 'DEGRADED' },
          { id: 'CWS-LH-SEA-PDX-SAC-400G-WAVE-0002', impact: null },
        ],
        summary:
          'Scheduled maintenance on the Seattle - Portland - Sacramento long-haul DWDM system; amplifier firmware upgrade at 14 in-line amplifier sites, one span at a time',
        organizer: 'mailto:maintenance@cascadia-wave.example',
        start: '2026-06-16T07:00:00.000Z',
        end: '2026-06-16T11:30:00.000Z',
        timeZone: null,
        timeZoneName: null,
      },
    ]);
  });

  it('returns one notice per maintenance VEVENT, skipping other events; no STATUS and floating times (as UTC) are fine', () => {
    expect(parsed('two-notices-no-status.ics')).toEqual([
      {
        uid: 'ISL-5521@island-link.example',
        sequence: null,
        stamp: null,
        provider: null,
        account: null,
        maintenanceId: 'ISL-5521',
        status: null,
        impact: null,
        objects: [{ id: 'ISL-SUB-7', impact: null }],
        summary: 'Submarine cable repeater inspection',
        organizer: null,
        start: '2026-04-09T23:00:00.000Z',
        end: '2026-04-10T02:00:00.000Z',
        timeZone: null,
        timeZoneName: null,
      },
      {
        uid: 'ISL-5522@island-link.example',
        sequence: 1,
        stamp: '2026-04-01T12:00:00.000Z',
        provider: 'island-link.example',
        account: null,
        maintenanceId: 'ISL-5522',
        status: 'CONFIRMED',
        impact: 'NO_IMPACT',
        objects: [],
        summary: 'Landing station power works',
        organizer: null,
        start: '2026-04-12T23:00:00.000Z',
        end: '2026-04-13T01:00:00.000Z',
        timeZone: null,
        timeZoneName: null,
      },
    ]);
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
