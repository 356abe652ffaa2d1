import { parseBcopNotification } from '../parse-notification';
import { fixture, plain } from './notice-files';

/**
 * Notices in the shapes real providers send (VALUE=DATE-TIME parameters, no
 * line end after END:VCALENDAR, CRLF or LF, folded lines, no STATUS or
 * SEQUENCE, an ORGANIZER whose CN is an address), written for this
 * repository: the test needs nothing outside it and never skips.
 */
const parsed = (name: string) => parseBcopNotification(fixture(name)).map(plain);

/** The fields all three KN-WO-7731 notices share. */
const WORK_ORDER = {
  uid: 'kn-7731',
  provider: 'kestrel-networks.example',
  account: '00-4471-09',
  maintenanceId: 'KN-WO-7731',
  impact: 'NO_IMPACT',
  objects: [{ id: 'kn-wave-ams-lon-01', impact: null }],
  organizer: 'mailto:noc@kestrel-networks.example',
  timeZone: null,
  timeZoneName: null,
};

describe('parseBcopNotification on provider-style samples', () => {
  it('sample-1: first notice, TENTATIVE, SEQUENCE 1', () => {
    expect(parsed('sample-1-tentative.ics')).toEqual([
      {
        ...WORK_ORDER,
        sequence: 1,
        stamp: '2026-09-01T07:15:00.000Z',
        status: 'TENTATIVE',
        summary: 'Kestrel scheduled work',
        start: '2026-09-12T06:00:00.000Z',
        end: '2026-09-12T08:00:00.000Z',
      },
    ]);
  });

  it('sample-2: SEQUENCE 2, moved two days later, CONFIRMED', () => {
    expect(parsed('sample-2-confirmed.ics')).toEqual([
      {
        ...WORK_ORDER,
        sequence: 2,
        stamp: '2026-09-03T07:15:00.000Z',
        status: 'CONFIRMED',
        summary: 'Kestrel scheduled work',
        start: '2026-09-14T06:00:00.000Z',
        end: '2026-09-14T08:00:00.000Z',
      },
    ]);
  });

  it('sample-3: SEQUENCE 3, IN-PROCESS', () => {
    expect(parsed('sample-3-in-process.ics')).toEqual([
      {
        ...WORK_ORDER,
        sequence: 3,
        stamp: '2026-09-14T06:05:00.000Z',
        status: 'IN_PROCESS',
        summary: 'Started - Kestrel scheduled work',
        start: '2026-09-14T06:00:00.000Z',
        end: '2026-09-14T08:00:00.000Z',
      },
    ]);
  });

  it('no STATUS, no SEQUENCE, no ORGANIZER, a per-object impact and folded lines', () => {
    expect(parsed('sample-no-status-folded.ics')).toEqual([
      {
        uid: 'HB-RM0778812-N1',
        sequence: null,
        stamp: '2026-09-25T11:30:02.000Z',
        provider: 'Harbour Backbone (AS64512)',
        account: '88123004',
        maintenanceId: 'HB-RM0778812',
        status: null,
        impact: 'DEGRADED',
        objects: [{ id: 'HB-IPT-5531', impact: 'OUTAGE' }],
        summary: 'Harbour Backbone (AS64512) Regular Maintenance Notification: scheduled [HB-RM0778812]',
        organizer: null,
        start: '2026-10-03T01:00:00.000Z',
        end: '2026-10-03T04:15:00.000Z',
        timeZone: null,
        timeZoneName: null,
      },
    ]);
  });

  it('CANCELLED with no OBJECT-ID', () => {
    expect(parsed('sample-cancelled-no-objects.ics')).toEqual([
      {
        uid: '55120907@fjordline-carrier.example',
        sequence: 2,
        stamp: '2026-10-16T08:12:00.000Z',
        provider: 'fjordline-carrier.example',
        account: 'Sample Industries',
        maintenanceId: '55120907',
        status: 'CANCELLED',
        impact: 'OUTAGE',
        objects: [],
        summary: 'Maintenance notice',
        organizer: 'mailto:noc@fjordline-carrier.example',
        start: '2026-10-17T22:00:00.000Z',
        end: '2026-10-18T06:00:00.000Z',
        timeZone: null,
        timeZoneName: null,
      },
    ]);
  });
});
