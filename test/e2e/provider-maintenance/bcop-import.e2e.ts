import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, TestHush } from '../../support/hush';

/** Notices in the shapes real providers send, written for this repository (test/fixtures/bcop): nothing outside it is needed. */
const sample = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'bcop', name), 'utf8');

const IMPORT = `mutation($p: ID!, $ical: String!) { importMaintenanceNotification(input: { providerId: $p, ical: $ical }) {
  outcome unknownObjectIds maintenance { id name summary status startsAt endsAt originalTimeZone providerMaintenanceId
    impacts { level target { type name } } notifications { format sender } replaces { id } } } }`;

/** A BCOP notice written the way providers send them, for cases the real samples do not cover. */
function notice(fields: {
  id: string;
  seq?: number;
  status?: string;
  start: string;
  end: string;
  objects?: string[];
  impact?: string;
  tz?: string;
}) {
  const dt = (name: string, value: string) => (fields.tz ? `${name};TZID=${fields.tz}:${value}` : `${name}:${value}`);
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example Transit//Maintenance//EN',
    'BEGIN:VEVENT',
    `UID:${fields.id}@example-transit.net`,
    'DTSTAMP:20260501T120000Z',
    dt('DTSTART', fields.start),
    dt('DTEND', fields.end),
    `SUMMARY:Planned fibre work ${fields.id}`,
    ...(fields.seq !== undefined ? [`SEQUENCE:${fields.seq}`] : []),
    'X-MAINTNOTE-PROVIDER:example-transit.net',
    'X-MAINTNOTE-ACCOUNT:4711',
    `X-MAINTNOTE-MAINTENANCE-ID:${fields.id}`,
    ...(fields.objects ?? []).map((o) => `X-MAINTNOTE-OBJECT-ID${o}`),
    ...(fields.impact ? [`X-MAINTNOTE-IMPACT:${fields.impact}`] : []),
    ...(fields.status ? [`X-MAINTNOTE-STATUS:${fields.status}`] : []),
    'ORGANIZER;CN="Example NOC":mailto:noc@example-transit.net',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

describe('BCOP iCalendar import', () => {
  let hush: TestHush;
  let provider: string;
  beforeAll(async () => {
    hush = await TestHush.start();
    provider = (await hush.ok('mutation { createProvider(input: { name: "Example Transit", slug: "example-transit" }) { id } }'))
      .createProvider.id;
    for (const cid of ['ETX-1001', 'ETX-1002', 'kn-wave-ams-lon-01']) {
      await hush.ok('mutation($p: ID!, $c: String!) { createCircuit(input: { providerId: $p, cid: $c }) { id } }', { p: provider, c: cid });
    }
    // Starting a Hush migrates its own database: slow on a busy machine.
  }, 120_000);
  afterAll(() => hush.close());
  const run = (ical: string) => hush.gql(IMPORT, { p: provider, ical });
  const ok = async (ical: string) => (await hush.ok(IMPORT, { p: provider, ical })).importMaintenanceNotification;

  it('creates from a first notice with several circuits and per-object impacts, listing unknown objects', async () => {
    const first = await ok(
      notice({
        id: 'ETX-CHG-1',
        seq: 1,
        status: 'CONFIRMED',
        start: '20260610T010000Z',
        end: '20260610T050000Z',
        impact: 'OUTAGE',
        objects: [':ETX-1001', ';X-MAINTNOTE-OBJECT-IMPACT=DEGRADED:ETX-1002', ':ETX-9999'],
      }),
    );
    expect(first).toMatchObject({
      outcome: 'CREATED',
      unknownObjectIds: ['ETX-9999'],
      maintenance: {
        name: 'ETX-CHG-1',
        status: 'CONFIRMED',
        startsAt: '2026-06-10T01:00:00.000Z',
        endsAt: '2026-06-10T05:00:00.000Z',
        providerMaintenanceId: 'ETX-CHG-1',
      },
    });
    const levels = Object.fromEntries(
      first.maintenance.impacts.map((i: { level: string; target: { name: string } }) => [i.target.name, i.level]),
    );
    expect(levels).toEqual({ 'ETX-1001': 'OUTAGE', 'ETX-1002': 'DEGRADED' });
    expect(first.maintenance.notifications).toEqual([{ format: 'ICAL', sender: 'mailto:noc@example-transit.net' }]);
  });

  it('applies a higher SEQUENCE, ignores a lower one, and changes nothing on a repeat', async () => {
    const base = { id: 'ETX-CHG-2', start: '20260701T010000Z', end: '20260701T030000Z', objects: [':ETX-1001'] };
    const created = await ok(notice({ ...base, seq: 1, status: 'TENTATIVE' }));
    const moved = await ok(notice({ ...base, seq: 2, status: 'CONFIRMED', start: '20260703T010000Z', end: '20260703T030000Z' }));
    expect(moved).toMatchObject({
      outcome: 'UPDATED',
      maintenance: { id: created.maintenance.id, status: 'CONFIRMED', startsAt: '2026-07-03T01:00:00.000Z' },
    });
    const stale = await ok(notice({ ...base, seq: 1, status: 'TENTATIVE' }));
    expect(stale).toMatchObject({ outcome: 'IGNORED_OLDER', maintenance: { status: 'CONFIRMED', startsAt: '2026-07-03T01:00:00.000Z' } });
    const repeat = await ok(notice({ ...base, seq: 2, status: 'CONFIRMED', start: '20260703T010000Z', end: '20260703T030000Z' }));
    expect(repeat.outcome).toBe('UNCHANGED');
    expect(repeat.maintenance.notifications).toHaveLength(2);
    const inProcess = await ok(notice({ ...base, seq: 3, status: 'IN-PROCESS', start: '20260703T010000Z', end: '20260703T030000Z' }));
    expect(inProcess.maintenance.status).toBe('IN_PROCESS');
    const done = await ok(notice({ ...base, seq: 4, status: 'COMPLETED', start: '20260703T010000Z', end: '20260703T030000Z' }));
    expect(done.maintenance.status).toBe('COMPLETED');
    const backwards = await run(notice({ ...base, seq: 5, status: 'CONFIRMED', start: '20260703T010000Z', end: '20260703T030000Z' }));
    expect(backwards.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'CONFIRMED' });
  });

  it('keeps the status on NO-CHANGE or no STATUS, and makes a new maintenance UNKNOWN without one', async () => {
    const fresh = await ok(notice({ id: 'ETX-CHG-3', seq: 1, start: '20260801T010000Z', end: '20260801T020000Z' }));
    expect(fresh.maintenance.status).toBe('UNKNOWN');
    await ok(notice({ id: 'ETX-CHG-3', seq: 2, status: 'CONFIRMED', start: '20260801T010000Z', end: '20260801T020000Z' }));
    const noChange = await ok(notice({ id: 'ETX-CHG-3', seq: 3, status: 'NO-CHANGE', start: '20260801T013000Z', end: '20260801T020000Z' }));
    expect(noChange.maintenance).toMatchObject({ status: 'CONFIRMED', startsAt: '2026-08-01T01:30:00.000Z' });
  });

  it('cancels through the workflow', async () => {
    await ok(notice({ id: 'ETX-CHG-4', seq: 1, status: 'CONFIRMED', start: '20260901T010000Z', end: '20260901T020000Z' }));
    const cancelled = await ok(
      notice({ id: 'ETX-CHG-4', seq: 2, status: 'CANCELLED', start: '20260901T010000Z', end: '20260901T020000Z' }),
    );
    expect(cancelled.maintenance.status).toBe('CANCELLED');
  });

  it('reads times in the provider zone and keeps it', async () => {
    const ny = await ok(
      notice({ id: 'ETX-CHG-5', seq: 1, status: 'CONFIRMED', start: '20261101T010000', end: '20261101T030000', tz: 'America/New_York' }),
    );
    expect(ny.maintenance).toMatchObject({
      originalTimeZone: 'America/New_York',
      startsAt: '2026-11-01T05:00:00.000Z',
      endsAt: '2026-11-01T08:00:00.000Z',
    });
  });

  it('refuses malformed notifications, naming the problem', async () => {
    const garbage = await run('this is not a calendar');
    expect(garbage.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: expect.stringMatching(/^input\.ical/) })],
    });
    const backwards = await run(notice({ id: 'ETX-BAD', seq: 1, status: 'CONFIRMED', start: '20260610T050000Z', end: '20260610T010000Z' }));
    expect(backwards.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    const noId = await run(
      notice({ id: 'ETX-BAD', seq: 1, start: '20260610T010000Z', end: '20260610T020000Z' }).replace(
        /X-MAINTNOTE-MAINTENANCE-ID:.*\r\n/,
        '',
      ),
    );
    expect(noId.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(
      codes(
        await hush.gql(IMPORT, {
          p: '00000000-0000-4000-8000-000000000000',
          ical: notice({ id: 'X', start: '20260610T010000Z', end: '20260610T020000Z' }),
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
  });

  describe('provider-style samples', () => {
    it('follows KN-WO-7731 from TENTATIVE through CONFIRMED (moved two days) to IN_PROCESS', async () => {
      const t = await ok(sample('sample-1-tentative.ics'));
      expect(t).toMatchObject({
        outcome: 'CREATED',
        unknownObjectIds: [],
        maintenance: { name: 'KN-WO-7731', status: 'TENTATIVE', startsAt: '2026-09-12T06:00:00.000Z' },
      });
      expect(t.maintenance.impacts).toEqual([{ level: 'NO_IMPACT', target: { type: 'CIRCUIT', name: 'kn-wave-ams-lon-01' } }]);
      const c = await ok(sample('sample-2-confirmed.ics'));
      expect(c).toMatchObject({ outcome: 'UPDATED', maintenance: { id: t.maintenance.id, status: 'CONFIRMED' } });
      expect(Date.parse(c.maintenance.startsAt) - Date.parse(t.maintenance.startsAt)).toBe(2 * 86_400_000);
      const p = await ok(sample('sample-3-in-process.ics'));
      expect(p.maintenance.status).toBe('IN_PROCESS');
      expect((await ok(sample('sample-2-confirmed.ics'))).outcome).toBe('IGNORED_OLDER');
    });

    it('imports a notice with no STATUS and a cancellation without objects', async () => {
      const noStatus = await ok(sample('sample-no-status-folded.ics'));
      expect(noStatus.outcome).toBe('CREATED');
      expect(noStatus.maintenance.status).toBe('UNKNOWN');
      expect(noStatus.unknownObjectIds).toEqual(['HB-IPT-5531']);
      const cancelled = await ok(sample('sample-cancelled-no-objects.ics'));
      expect(cancelled.maintenance.status).toBe('CANCELLED');
    });
  });
});
