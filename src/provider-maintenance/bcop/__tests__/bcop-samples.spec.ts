import { parseBcopNotification } from '../parse-notification';
import { plain, sample, samplesPresent, SAMPLES_DIR } from './notice-files';

// Skipped, saying why in its title, where the samples are not checked out beside the repository.
const describeSamples = samplesPresent ? describe : describe.skip;
const title = samplesPresent
  ? `parseBcopNotification on the real samples in ${SAMPLES_DIR}`
  : `real BCOP samples: SKIPPED, ${SAMPLES_DIR} does not exist`;

/** The fields all three WorkOrder-31415 notices share. */
const WORK_ORDER = {
  uid: '42',
  provider: 'example.com',
  account: '137.035999173',
  maintenanceId: 'WorkOrder-31415',
  impact: 'NO_IMPACT',
  objects: [{ id: 'acme-widgets-as-a-service', impact: null }],
  organizer: 'mailto:noone@example.com',
  timeZone: null,
};

describeSamples(title, () => {
  const parsed = (name: string) => parseBcopNotification(sample(name)).map(plain);

  it('ical1: first notice, TENTATIVE, SEQUENCE 1', () => {
    expect(parsed('ical1.ics')).toEqual([
      {
        ...WORK_ORDER,
        sequence: 1,
        stamp: '2015-10-10T00:10:00.000Z',
        status: 'TENTATIVE',
        summary: 'Maint Note Example',
        start: '2015-10-10T08:00:00.000Z',
        end: '2015-10-10T10:00:00.000Z',
      },
    ]);
  });

  it('ical2: SEQUENCE 2, moved two days later, CONFIRMED', () => {
    expect(parsed('ical2.ics')).toEqual([
      {
        ...WORK_ORDER,
        sequence: 2,
        stamp: '2015-10-12T00:10:00.000Z',
        status: 'CONFIRMED',
        summary: 'Maint Note Example',
        start: '2015-10-12T08:00:00.000Z',
        end: '2015-10-12T10:00:00.000Z',
      },
    ]);
  });

  it('ical4: SEQUENCE 3, IN-PROCESS', () => {
    expect(parsed('ical4.ics')).toEqual([
      {
        ...WORK_ORDER,
        sequence: 3,
        stamp: '2015-10-12T00:10:00.000Z',
        status: 'IN_PROCESS',
        summary: 'Open - Maint Note Example',
        start: '2015-10-12T08:00:00.000Z',
        end: '2015-10-12T10:00:00.000Z',
      },
    ]);
  });

  it('ical6: no STATUS, no SEQUENCE, no ORGANIZER, a per-object impact and folded lines', () => {
    expect(parsed('ical6.ics')).toEqual([
      {
        uid: 'GIN-CHG0040894',
        sequence: null,
        stamp: '2021-11-15T20:59:04.000Z',
        provider: 'NTT (AS2914)',
        account: '47004321',
        maintenanceId: 'GIN-CHG0123456',
        status: null,
        impact: 'OUTAGE',
        objects: [{ id: '246810', impact: 'OUTAGE' }],
        summary: 'NTT (AS2914) Regular Maintenance Notification: completed [GIN-CHG0123456]',
        organizer: null,
        start: '2021-11-15T18:00:00.000Z',
        end: '2021-11-15T20:57:00.000Z',
        timeZone: null,
      },
    ]);
  });

  it('ical7: CANCELLED with no OBJECT-ID', () => {
    expect(parsed('ical7.ics')).toEqual([
      {
        uid: '02345678@euNetworks.com',
        sequence: 2,
        stamp: '2023-10-06T09:56:00.000Z',
        provider: 'euNetworks.com',
        account: 'Bogus Corp',
        maintenanceId: '02345678',
        status: 'CANCELLED',
        impact: 'OUTAGE',
        objects: [],
        summary: 'Maintenance note',
        organizer: 'mailto:noc@eunetworks.com',
        start: '2023-10-06T23:00:00.000Z',
        end: '2023-10-07T17:00:00.000Z',
        timeZone: null,
      },
    ]);
  });
});
