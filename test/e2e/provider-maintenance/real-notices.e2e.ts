import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestHush } from '../../support/hush';

/**
 * "Every real provider notice imports": notices as providers really send
 * them (folded wrongly, several maintenances, Windows zones, whole e-mails,
 * repeated objects, huge SEQUENCEs, RE-SCHEDULED…), each written for this
 * repository in test/fixtures/bcop or below, through the GraphQL API.
 */
// Starting a Hush and seeding six providers takes a while on a busy machine; each test imports many notices.
jest.setTimeout(120_000);

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'bcop', name), 'utf8');

const MAINTENANCE = `fragment M on Maintenance { id name summary status acknowledged startsAt endsAt originalTimeZone originalTimeZoneName
  startsAtInOriginalTimeZone endsAtInOriginalTimeZone providerMaintenanceId internalTicket
  impacts { level target { type name } } notifications { format subject sender receivedAt } replaces { id } replacedBy { id } }`;
const RESULT = `{ outcome unknownObjectIds warnings maintenance { ...M } entries { outcome unknownObjectIds maintenance { ...M } } }`;
const IMPORT = `mutation($p: ID!, $ical: String!) { importMaintenanceNotification(input: { providerId: $p, ical: $ical }) ${RESULT} } ${MAINTENANCE}`;
const IMPORT_EMAIL = `mutation($p: ID!, $email: String!) { importMaintenanceEmail(input: { providerId: $p, email: $email }) ${RESULT} } ${MAINTENANCE}`;

interface Event {
  id: string;
  seq?: number | string;
  status?: string;
  start?: string;
  end?: string;
  objects?: string[];
  impact?: string;
  provider?: string;
  summary?: string;
}

/** One maintenance VEVENT, the way providers write them. */
function vevent(e: Event): string[] {
  return [
    'BEGIN:VEVENT',
    `UID:${e.id}@example-transit.net`,
    'DTSTAMP:20260501T120000Z',
    `DTSTART:${e.start ?? '20260610T010000Z'}`,
    `DTEND:${e.end ?? '20260610T050000Z'}`,
    `SUMMARY:${e.summary ?? `Planned fibre work ${e.id}`}`,
    ...(e.seq !== undefined ? [`SEQUENCE:${e.seq}`] : []),
    `X-MAINTNOTE-PROVIDER:${e.provider ?? 'example-transit.net'}`,
    `X-MAINTNOTE-MAINTENANCE-ID:${e.id}`,
    ...(e.objects ?? []).map((o) => `X-MAINTNOTE-OBJECT-ID${o}`),
    ...(e.impact ? [`X-MAINTNOTE-IMPACT:${e.impact}`] : []),
    ...(e.status ? [`X-MAINTNOTE-STATUS:${e.status}`] : []),
    'ORGANIZER;CN="Example NOC":mailto:noc@example-transit.net',
    'END:VEVENT',
  ];
}

const calendar = (...events: Event[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example Transit//Maintenance//EN', ...events.flatMap(vevent), 'END:VCALENDAR', ''].join(
    '\r\n',
  );

const levels = (m: { impacts: { level: string; target: { name: string } }[] }) =>
  Object.fromEntries(m.impacts.map((i) => [i.target.name, i.level]));

describe('real provider notices', () => {
  let hush: TestHush;
  let provider: string;
  const providers: Record<string, string> = {};

  /** A provider with the given circuits, as the NOC would have entered it. */
  async function seedProvider(name: string, slug: string, cids: string[]) {
    const id = (
      await hush.ok('mutation($n: String!, $s: String!) { createProvider(input: { name: $n, slug: $s }) { id } }', { n: name, s: slug })
    ).createProvider.id as string;
    for (const cid of cids)
      await hush.ok('mutation($p: ID!, $c: String!) { createCircuit(input: { providerId: $p, cid: $c }) { id } }', { p: id, c: cid });
    return id;
  }

  beforeAll(async () => {
    hush = await TestHush.start();
    provider = await seedProvider('Example Transit', 'example-transit', ['ETX-1001', 'ETX-1002', 'ETX-1003']);
    providers.granite = await seedProvider('Granite Peak Telecom', 'granitepeak', ['GPT-WAVE-DEN-SLC-0007', 'GPT-WAVE-DEN-SLC-0008']);
    providers.saltmarsh = await seedProvider('Saltmarsh Carrier Services', 'saltmarsh', ['SCS-IPT-LHR3-201', 'SCS-IPT-LHR3-202']);
    providers.piedmont = await seedProvider('Piedmont Fiber', 'piedmont-fiber', ['PF-DF-CLT-GSO-12']);
    providers.deccan = await seedProvider('Deccan Link', 'deccan-link', ['DL-MPLS-HYD-PNQ-3']);
    providers.kestrel = await seedProvider('Kestrel Networks', 'kestrel-networks', ['kn-wave-ams-lon-01', 'kn-mgmt-zrh-02']);
  });
  afterAll(() => hush.close());

  const run = (ical: string, p = provider) => hush.gql(IMPORT, { p, ical });
  const ok = async (ical: string, p = provider) => (await hush.ok(IMPORT, { p, ical })).importMaintenanceNotification;
  const get = async (id: string) => (await hush.ok(`query($id: ID!) { maintenance(id: $id) { ...M } } ${MAINTENANCE}`, { id })).maintenance;

  describe('lines folded wrongly', () => {
    it('imports a notice a lenient reader understands, and says what it repaired', async () => {
      const result = await ok(fixture('folded-wrongly.ics'), providers.granite);
      expect(result).toMatchObject({
        outcome: 'CREATED',
        unknownObjectIds: [],
        maintenance: {
          name: 'GPT-MNT-20261104-01',
          summary: 'Emergency replacement of a failed amplifier card on the Denver - Salt Lake City long-haul route',
          status: 'CONFIRMED',
          startsAt: '2026-11-04T02:00:00.000Z',
        },
      });
      expect(levels(result.maintenance)).toEqual({ 'GPT-WAVE-DEN-SLC-0007': 'OUTAGE', 'GPT-WAVE-DEN-SLC-0008': 'DEGRADED' });
      expect(result.warnings).toEqual([
        'input.ical: joined 3 continuation lines that lacked the leading space to the line before (lines 12, 14, 22)',
        'input.ical: joined the property name X-MAINTNOTE-OBJECT-ID, broken across lines from line 19',
        'input.ical: joined the property name X-MAINTNOTE-STATUS, broken across lines from line 24',
      ]);
      // The notice is kept exactly as it came.
      const { maintenance } = await hush.ok(`query($id: ID!) { maintenance(id: $id) { notifications { body } } }`, {
        id: result.maintenance.id,
      });
      expect(maintenance.notifications).toEqual([{ body: fixture('folded-wrongly.ics') }]);
    });

    it('still refuses what no reader can make out', async () => {
      const cut = fixture('folded-wrongly.ics').split('X-MAINTNOTE-IMPACT')[0];
      const res = await run(cut, providers.granite);
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.ical', message: 'is not iCalendar: invalid ical body. component began but did not end' }],
      });
    });
  });

  describe('impacts whatever the status', () => {
    it('keeps the impacts of a maintenance first seen CANCELLED or COMPLETED, and reports its unknown objects', async () => {
      for (const status of ['CANCELLED', 'COMPLETED']) {
        const result = await ok(
          calendar({
            id: `ETX-FIRST-${status}`,
            seq: 2,
            status,
            impact: 'DEGRADED',
            objects: [':ETX-1001', ';X-MAINTNOTE-OBJECT-IMPACT=OUTAGE:ETX-1002', ':ETX-GONE-7'],
          }),
        );
        expect(result).toMatchObject({ outcome: 'CREATED', unknownObjectIds: ['ETX-GONE-7'], maintenance: { status } });
        expect(levels(result.maintenance)).toEqual({ 'ETX-1001': 'DEGRADED', 'ETX-1002': 'OUTAGE' });
      }
    });

    it('adds an impact a later notice names to a finished maintenance, leaving the levels it recorded', async () => {
      const base = { id: 'ETX-LATE-OBJECT', status: 'COMPLETED', impact: 'OUTAGE' };
      await ok(calendar({ ...base, seq: 1, objects: [':ETX-1001'] }));
      const later = await ok(calendar({ ...base, seq: 2, objects: [';X-MAINTNOTE-OBJECT-IMPACT=NO-IMPACT:ETX-1001', ':ETX-1003'] }));
      expect(later.outcome).toBe('UPDATED');
      expect(levels(later.maintenance)).toEqual({ 'ETX-1001': 'OUTAGE', 'ETX-1003': 'OUTAGE' });
    });
  });

  describe('several maintenances in one notice', () => {
    it('imports each VEVENT; the first is the result, all are entries', async () => {
      const result = await ok(fixture('primary-and-backup.ics'), providers.saltmarsh);
      expect(result).toMatchObject({
        outcome: 'CREATED',
        unknownObjectIds: [],
        warnings: [],
        maintenance: { name: 'SCS-44120', status: 'CONFIRMED', startsAt: '2026-11-18T00:00:00.000Z' },
      });
      expect(result.entries).toHaveLength(2);
      expect(result.entries[0].maintenance.id).toBe(result.maintenance.id);
      expect(result.entries[1]).toMatchObject({
        outcome: 'CREATED',
        unknownObjectIds: [],
        maintenance: { name: 'SCS-44120-B', status: 'TENTATIVE', startsAt: '2026-11-25T00:00:00.000Z' },
      });
      expect(levels(result.entries[1].maintenance)).toEqual({ 'SCS-IPT-LHR3-201': 'OUTAGE', 'SCS-IPT-LHR3-202': 'OUTAGE' });
      const again = await ok(fixture('primary-and-backup.ics'), providers.saltmarsh);
      expect(again.entries.map((e: { outcome: string }) => e.outcome)).toEqual(['UNCHANGED', 'UNCHANGED']);
      expect(again.entries[1].maintenance.notifications).toHaveLength(1);
    });

    it('keeps two windows that share a maintenance id as two maintenances, and applies an exact repeat once', async () => {
      const primary = { id: 'ETX-WINDOWS', seq: 1, status: 'CONFIRMED', objects: [':ETX-1001'] };
      const backup = { ...primary, status: 'TENTATIVE', start: '20260617T010000Z', end: '20260617T050000Z' };
      const result = await ok(calendar(primary, backup, backup));
      expect(result.entries.map((e: { maintenance: { providerMaintenanceId: string; status: string } }) => e.maintenance)).toMatchObject([
        { providerMaintenanceId: 'ETX-WINDOWS', status: 'CONFIRMED', startsAt: '2026-06-10T01:00:00.000Z' },
        { providerMaintenanceId: 'ETX-WINDOWS #2', status: 'TENTATIVE', startsAt: '2026-06-17T01:00:00.000Z' },
      ]);
      expect(result.warnings).toEqual([
        'input.ical.VEVENT[1]: has the X-MAINTNOTE-MAINTENANCE-ID of input.ical.VEVENT[0] (ETX-WINDOWS) with another window; imported as its own maintenance, ETX-WINDOWS #2',
        'input.ical.VEVENT[2]: repeats input.ical.VEVENT[1] (X-MAINTNOTE-MAINTENANCE-ID ETX-WINDOWS); applied once',
      ]);
    });

    it('applies two versions of one maintenance (another SEQUENCE) in order, to the same maintenance', async () => {
      const newer = { id: 'ETX-VERSIONS', seq: 2, status: 'CONFIRMED', start: '20260612T010000Z', end: '20260612T050000Z' };
      const result = await ok(calendar(newer, { id: 'ETX-VERSIONS', seq: 1, status: 'TENTATIVE' }));
      expect(result.warnings).toEqual([]);
      expect(
        result.entries.map((e: { outcome: string; maintenance: { id: string; status: string } }) => [e.outcome, e.maintenance.status]),
      ).toEqual([
        ['CREATED', 'CONFIRMED'],
        ['IGNORED_OLDER', 'CONFIRMED'],
      ]);
      expect(result.entries[1].maintenance.id).toBe(result.maintenance.id);
    });

    it('leaves a calendar part of an e-mail without maintenances alone, saying so', async () => {
      const invite = [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'BEGIN:VEVENT',
        'UID:lunch',
        'DTSTART:20260610T120000Z',
        'SUMMARY:Lunch',
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ];
      const email = [
        'From: noc@example-transit.net',
        'Subject: Maintenance and lunch',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/calendar',
        '',
        ...invite,
        '--b',
        'Content-Type: text/calendar',
        '',
        calendar({ id: 'ETX-WITH-LUNCH', seq: 1, status: 'CONFIRMED' }),
        '--b--',
        '',
      ].join('\r\n');
      const result = (await hush.ok(IMPORT_EMAIL, { p: provider, email })).importMaintenanceEmail;
      expect(result).toMatchObject({
        outcome: 'CREATED',
        maintenance: { name: 'ETX-WITH-LUNCH' },
        warnings: ['input.email.calendar[0]: has no maintenance (no VEVENT with X-MAINTNOTE properties); left alone'],
      });
    });

    it('creates a maintenance once when the same new notice is imported twice at the same time', async () => {
      const notice = calendar({ id: 'ETX-RACE', seq: 1, status: 'CONFIRMED', objects: [':ETX-1001'] });
      const results = await Promise.all([ok(notice), ok(notice)]);
      expect(results.map((r: { outcome: string }) => r.outcome).sort()).toEqual(['CREATED', 'UNCHANGED']);
      expect(results[0].maintenance.id).toBe(results[1].maintenance.id);
    });

    it('applies all of a notice or none of it', async () => {
      await ok(calendar({ id: 'ETX-DONE', seq: 1, status: 'COMPLETED' }));
      const res = await run(
        calendar({ id: 'ETX-NEW-BESIDE', seq: 1, status: 'CONFIRMED' }, { id: 'ETX-DONE', seq: 2, status: 'CONFIRMED' }),
      );
      expect(res.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'CONFIRMED' });
      const { maintenances } = await hush.ok('{ maintenances(filter: { q: "ETX-NEW-BESIDE" }) { nodes { id } } }');
      expect(maintenances.nodes).toEqual([]);
    });
  });

  describe('time zones that are not IANA', () => {
    it('maps a Windows zone name to IANA, keeping the name as written', async () => {
      const result = await ok(fixture('eastern-standard-time.ics'), providers.piedmont);
      expect(result.warnings).toEqual([]);
      expect(result.maintenance).toMatchObject({
        originalTimeZone: 'America/New_York',
        originalTimeZoneName: 'Eastern Standard Time',
        startsAt: '2026-12-09T04:00:00.000Z',
        startsAtInOriginalTimeZone: '2026-12-08T23:00:00-05:00',
        endsAtInOriginalTimeZone: '2026-12-09T03:00:00-05:00',
      });
    });

    it('keeps a zone it cannot map as text only, and every list asking for local times still answers', async () => {
      const result = await ok(fixture('customized-time-zone.ics'), providers.deccan);
      expect(result.maintenance).toMatchObject({
        originalTimeZone: null,
        originalTimeZoneName: 'Customized Time Zone',
        startsAt: '2026-12-11T20:00:00.000Z',
        startsAtInOriginalTimeZone: '2026-12-11T20:00:00Z',
      });
      expect(result.warnings).toEqual([
        'input.ical.VEVENT[0].DTSTART: time zone "Customized Time Zone" is no IANA or Windows zone; times were read through its VTIMEZONE, and the maintenance keeps the name (originalTimeZoneName) but no originalTimeZone',
      ]);
      // A zone saved by an older version, before imports mapped names, must not break reads either.
      await hush.sql(`UPDATE maintenance SET original_time_zone = 'W. Europe Standard Time' WHERE id = $1`, [result.maintenance.id]);
      const viewer = await hush.token('VIEWER');
      const list = await hush.gql(
        '{ maintenances(first: 100) { nodes { originalTimeZone startsAtInOriginalTimeZone endsAtInOriginalTimeZone hasTimeZoneDifference } } }',
        {},
        viewer,
      );
      expect(list.errors).toBeUndefined();
      expect(list.data!.maintenances.nodes.length).toBeGreaterThan(2);
    });
  });

  describe('inputs that used to fail inside', () => {
    it('keeps an object named twice once, at its worse level, and says so', async () => {
      const result = await ok(
        calendar({
          id: 'ETX-TWICE',
          seq: 1,
          status: 'CONFIRMED',
          impact: 'DEGRADED',
          objects: [':ETX-1001', ';X-MAINTNOTE-OBJECT-IMPACT=OUTAGE:ETX-1001', ':ETX-UNKNOWN', ':ETX-UNKNOWN'],
        }),
      );
      expect(result).toMatchObject({ outcome: 'CREATED', unknownObjectIds: ['ETX-UNKNOWN'] });
      expect(levels(result.maintenance)).toEqual({ 'ETX-1001': 'OUTAGE' });
      expect(result.warnings).toEqual([
        'input.ical.VEVENT[0].X-MAINTNOTE-OBJECT-ID: ETX-1001 is named 2 times; kept once, at OUTAGE',
        'input.ical.VEVENT[0].X-MAINTNOTE-OBJECT-ID: ETX-UNKNOWN is named 2 times; kept once, at DEGRADED',
      ]);
    });

    it('accepts a SEQUENCE above 2^31 (a time in milliseconds) and orders by it; refuses one it cannot keep exactly', async () => {
      const base = { id: 'ETX-MS-SEQ', status: 'CONFIRMED' };
      expect((await ok(calendar({ ...base, seq: 1_780_000_000_000 }))).outcome).toBe('CREATED');
      expect((await ok(calendar({ ...base, seq: 1_780_000_500_000, summary: 'moved' }))).outcome).toBe('UPDATED');
      expect((await ok(calendar({ ...base, seq: 1_780_000_000_000 }))).outcome).toBe('IGNORED_OLDER');
      const res = await run(calendar({ ...base, seq: '99999999999999999999' }));
      expect(res.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.ical.VEVENT[0].SEQUENCE', message: 'must be a whole number from 0 to 9007199254740991' }],
      });
    });

    it('names an e-mail or JSON given as the notice, and reads one that starts with a byte-order mark', async () => {
      const refused = async (ical: string) => (await run(ical)).errors![0].extensions;
      expect(await refused(fixture('confirmed-email.eml'))).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [
          {
            path: 'input.ical',
            message: 'is not iCalendar: it is an e-mail; import it with importMaintenanceEmail, or send its text/calendar part',
          },
        ],
      });
      for (const json of [JSON.stringify({ ical: calendar({ id: 'J' }) }), JSON.stringify(calendar({ id: 'J' }))])
        expect(await refused(json)).toEqual({
          code: 'BAD_USER_INPUT',
          fields: [
            {
              path: 'input.ical',
              message: 'is not iCalendar: it is JSON; send the iCalendar text as received (BEGIN:VCALENDAR … END:VCALENDAR), not encoded',
            },
          ],
        });
      const bom = await ok(`\uFEFF${calendar({ id: 'ETX-BOM', seq: 1, status: 'TENTATIVE' })}`);
      expect(bom).toMatchObject({ outcome: 'CREATED', warnings: [], maintenance: { name: 'ETX-BOM' } });
    });
  });

  describe('whole e-mails', () => {
    const importEmail = (email: string, p = providers.kestrel) => hush.gql(IMPORT_EMAIL, { p, email });

    it('imports the calendar of an e-mail once (inline and attached) and keeps the e-mail as the notification', async () => {
      const email = fixture('confirmed-email.eml');
      const { data } = await importEmail(email);
      const result = data!.importMaintenanceEmail;
      expect(result).toMatchObject({
        outcome: 'CREATED',
        unknownObjectIds: [],
        warnings: [],
        maintenance: {
          name: 'KN-WO-8802',
          summary: 'Kestrel scheduled work – Zürich POP power upgrade',
          status: 'CONFIRMED',
          notifications: [
            {
              format: 'EMAIL',
              subject: '[Kestrel] Planned maintenance KN-WO-8802 – confirmed',
              sender: 'noc@kestrel-networks.example',
              receivedAt: '2026-11-18T09:14:07.000Z',
            },
          ],
        },
      });
      expect(result.entries).toHaveLength(1);
      expect(levels(result.maintenance)).toEqual({ 'kn-wave-ams-lon-01': 'OUTAGE', 'kn-mgmt-zrh-02': 'NO_IMPACT' });
      const { maintenance } = await hush.ok(`query($id: ID!) { maintenance(id: $id) { notifications { body } } }`, {
        id: result.maintenance.id,
      });
      expect(maintenance.notifications).toEqual([{ body: email }]);
      const again = (await importEmail(email)).data!.importMaintenanceEmail;
      expect(again.outcome).toBe('UNCHANGED');
      expect(again.maintenance.notifications).toHaveLength(1);
    });

    it('refuses an e-mail without a calendar, and names the bad field of a calendar part', async () => {
      const plain = ['From: noc@kestrel-networks.example', 'Subject: Hello', 'Content-Type: text/plain', '', 'No calendar here.', ''].join(
        '\r\n',
      );
      expect((await importEmail(plain)).errors![0].extensions).toEqual({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.email', message: 'has no text/calendar part (and no .ics attachment)' }],
      });
      const bad = [
        'From: noc@kestrel-networks.example',
        'Subject: Maintenance',
        'Content-Type: text/calendar',
        '',
        calendar({ id: 'KN-BAD', status: 'DONE' }),
      ];
      expect((await importEmail(bad.join('\r\n'))).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [
          { path: 'input.email.calendar[0].VEVENT[0].X-MAINTNOTE-STATUS', message: expect.stringContaining('is not a BCOP status: DONE') },
        ],
      });
      expect((await importEmail(calendar({ id: 'KN-CAL' }))).errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ path: 'input.email', message: 'is an iCalendar text, not an e-mail: import it with importMaintenanceNotification' }],
      });
    });
  });

  it('imports a notice from another provider with a warning saying so', async () => {
    const result = await ok(calendar({ id: 'ETX-ELSEWHERE', seq: 1, status: 'CONFIRMED', provider: 'other-carrier.net' }));
    expect(result.outcome).toBe('CREATED');
    expect(result.warnings).toEqual([
      'input.ical.VEVENT[0].X-MAINTNOTE-PROVIDER: the notice is from "other-carrier.net", which is not provider Example Transit (example-transit); imported into Example Transit all the same',
    ]);
  });

  describe('RE-SCHEDULED', () => {
    it('replaces a known maintenance by a CONFIRMED one with the new times; later notices update the replacement', async () => {
      const base = { id: 'ETX-MOVE', impact: 'OUTAGE' };
      const first = await ok(calendar({ ...base, seq: 1, status: 'CONFIRMED', objects: [':ETX-1001', ':ETX-1002'] }));
      const original = first.maintenance.id;
      // The NOC's own notes and an impact it added by hand on a site.
      await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { internalTicket: "NOC-42" }) { id } }', { id: original });
      await hush.ok('mutation($id: ID!) { acknowledgeMaintenance(id: $id) { id } }', { id: original });
      const site = (await hush.ok('mutation { createSite(input: { name: "FRA9" }) { id } }')).createSite.id;
      await hush.ok(
        'mutation($id: ID!, $t: ID!) { addImpact(maintenanceId: $id, input: { target: { type: SITE, id: $t }, level: DEGRADED }) { id } }',
        { id: original, t: site },
      );

      const moved = await ok(
        calendar({ ...base, seq: 2, status: 'RE-SCHEDULED', start: '20260624T010000Z', end: '20260624T050000Z', objects: [':ETX-1003'] }),
      );
      expect(moved).toMatchObject({
        outcome: 'CREATED',
        maintenance: {
          name: 'ETX-MOVE',
          status: 'CONFIRMED',
          acknowledged: false,
          internalTicket: 'NOC-42',
          providerMaintenanceId: 'ETX-MOVE',
          startsAt: '2026-06-24T01:00:00.000Z',
          replaces: { id: original },
          notifications: [{ format: 'ICAL' }],
        },
      });
      expect(moved.maintenance.id).not.toBe(original);
      expect(levels(moved.maintenance)).toEqual({ 'ETX-1003': 'OUTAGE', FRA9: 'DEGRADED' });
      const replaced = await hush.ok(
        `query($id: ID!) { maintenance(id: $id) { status startsAt replacedBy { id } timeline(limit: 1) { action status changes } } }`,
        { id: original },
      );
      expect(replaced.maintenance).toMatchObject({
        status: 'RE_SCHEDULED',
        startsAt: '2026-06-10T01:00:00.000Z',
        replacedBy: { id: moved.maintenance.id },
        timeline: [{ action: 'TRANSITION', status: 'RE_SCHEDULED', changes: { status: { before: 'CONFIRMED', after: 'RE_SCHEDULED' } } }],
      });

      const times = { start: '20260624T010000Z', end: '20260624T050000Z', objects: [':ETX-1003'] };
      const again = await ok(calendar({ ...base, ...times, seq: 2, status: 'RE-SCHEDULED' }));
      expect(again).toMatchObject({ outcome: 'UNCHANGED', maintenance: { id: moved.maintenance.id } });
      const confirmed = await ok(calendar({ ...base, ...times, seq: 3, status: 'CONFIRMED', summary: 'Fibre work, new date confirmed' }));
      expect(confirmed).toMatchObject({
        outcome: 'UPDATED',
        maintenance: { id: moved.maintenance.id, status: 'CONFIRMED', summary: 'Fibre work, new date confirmed' },
      });
      // An amendment that moves the times with status CONFIRMED updates in place, as before.
      const amended = await ok(calendar({ ...base, ...times, seq: 4, status: 'CONFIRMED', start: '20260624T020000Z' }));
      expect(amended).toMatchObject({
        outcome: 'UPDATED',
        maintenance: { id: moved.maintenance.id, startsAt: '2026-06-24T02:00:00.000Z' },
      });
      expect((await ok(calendar({ ...base, seq: 1, status: 'CONFIRMED' }))).outcome).toBe('IGNORED_OLDER');
      const inProcess = await ok(calendar({ ...base, ...times, seq: 5, status: 'IN-PROCESS', start: '20260624T020000Z' }));
      expect(inProcess.maintenance).toMatchObject({ id: moved.maintenance.id, status: 'IN_PROCESS' });
      expect((await get(original)).status).toBe('RE_SCHEDULED');
    });

    it('creates a maintenance first seen RE-SCHEDULED as CONFIRMED', async () => {
      const result = await ok(calendar({ id: 'ETX-FIRST-MOVED', seq: 3, status: 'RE-SCHEDULED' }));
      expect(result).toMatchObject({ outcome: 'CREATED', maintenance: { status: 'CONFIRMED', replaces: null } });
    });

    it('refuses to replace a finished maintenance, like any transition out of a final status', async () => {
      await ok(calendar({ id: 'ETX-FINISHED', seq: 1, status: 'COMPLETED' }));
      const res = await run(
        calendar({ id: 'ETX-FINISHED', seq: 2, status: 'RE-SCHEDULED', start: '20260701T010000Z', end: '20260701T020000Z' }),
      );
      expect(res.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'RE_SCHEDULED' });
    });
  });
});
