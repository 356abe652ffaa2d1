import { RiskChangeFeed } from '../../../src/redundancy/risk-change.feed';
import { RiskWatch } from '../../../src/redundancy/risk-watch.service';
import { ADMIN_SECRET, codes, TestHush } from '../../support/hush';
import { collect, feedListeners, wsClient } from '../../support/ws';
import { seedService } from '../services/fixtures';

const RISK = 'id start end available required severity tentative causes { kind id name tentative member { type id name } } group { name }';
const IMPORT = `mutation($p: ID!, $ical: String!) { importMaintenanceNotification(input: { providerId: $p, ical: $ical }) {
  maintenance { id status risks { id } } risks { ${RISK} } } }`;
const CREATE_GROUP = `mutation($i: CreateRedundancyGroupInput!) { createRedundancyGroup(input: $i) {
  id name minimumAvailable members { priority target { type id name } } } }`;
const RISKS = `query($from: DateTime!, $to: DateTime!, $f: RedundancyRiskFilter) { redundancyRisks(from: $from, to: $to, filter: $f) { ${RISK} } }`;
const GROUPS = `query($f: RedundancyGroupFilter, $first: Int, $after: String) {
  redundancyGroups(filter: $f, first: $first, after: $after) { nodes { name } pageInfo { hasNextPage endCursor } } }`;

/** A provider's BCOP notice for one circuit, the way providers send them. */
function notice(provider: string, id: string, cid: string, status: string, start: string, end: string, seq = 1) {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-//${provider}//Maintenance//EN`,
    'BEGIN:VEVENT',
    `UID:${id}@${provider}`,
    'DTSTAMP:20260501T120000Z',
    `DTSTART:${start}`,
    `DTEND:${end}`,
    `SUMMARY:Fibre works ${id}`,
    `SEQUENCE:${seq}`,
    `X-MAINTNOTE-PROVIDER:${provider}`,
    'X-MAINTNOTE-ACCOUNT:4711',
    `X-MAINTNOTE-MAINTENANCE-ID:${id}`,
    `X-MAINTNOTE-OBJECT-ID:${cid}`,
    'X-MAINTNOTE-IMPACT:OUTAGE',
    `X-MAINTNOTE-STATUS:${status}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}

interface Risk {
  id: string;
  start: string;
  end: string;
  available: number;
  severity: string;
  tentative: boolean;
  causes: { kind: string; name: string; tentative: boolean; member: { name: string } }[];
  group: { name: string };
}

describe('redundancy risk: two maintenances taking down both paths', () => {
  let hush: TestHush;
  const providers: Record<string, string> = {};
  const circuits: Record<string, string> = {};
  let group: { id: string };
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T00:00:00Z' });
    for (const [slug, cid] of [
      ['north-transit', 'NT-1'],
      ['south-fibre', 'SF-9'],
    ]) {
      providers[slug] = (
        await hush.ok('mutation($i: CreateProviderInput!) { createProvider(input: $i) { id } }', { i: { name: slug, slug } })
      ).createProvider.id;
      circuits[cid] = (
        await hush.ok('mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }', { i: { providerId: providers[slug], cid } })
      ).createCircuit.id;
    }
    group = (
      await hush.ok(CREATE_GROUP, {
        i: {
          name: 'AMS uplinks',
          members: [
            { target: { type: 'CIRCUIT', id: circuits['NT-1'] }, priority: 'PRIMARY' },
            { target: { type: 'CIRCUIT', id: circuits['SF-9'] }, priority: 'SECONDARY' },
          ],
        },
      })
    ).createRedundancyGroup;
  });
  afterAll(() => hush.close());

  const importNotice = async (slug: string, ...args: [string, string, string, string, string, number?]) =>
    (await hush.ok(IMPORT, { p: providers[slug], ical: notice(slug, ...args) })).importMaintenanceNotification as {
      maintenance: { id: string; risks: { id: string }[] };
      risks: Risk[];
    };
  const risks = async (filter?: Record<string, unknown>) =>
    (await hush.ok(RISKS, { from: '2026-06-01T00:00:00Z', to: '2026-07-01T00:00:00Z', f: filter })).redundancyRisks as Risk[];

  it('reports the risk on the second import, with both causes, and lifts it when either is cancelled', async () => {
    const client = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    const changes = collect(
      client,
      'subscription($g: [ID!]) { redundancyRiskChanged(groupIds: $g) { kind risk { start end tentative severity } } }',
      { g: [group.id] },
      3,
    );
    await feedListeners(hush, RiskChangeFeed, 'redundancyRiskChange', 1);
    const watch = hush.app.get(RiskWatch);

    const first = await importNotice('north-transit', 'NT-100', 'NT-1', 'CONFIRMED', '20260610T010000Z', '20260610T050000Z');
    expect(first.risks).toEqual([]);
    const second = await importNotice('south-fibre', 'SF-7', 'SF-9', 'TENTATIVE', '20260610T030000Z', '20260610T070000Z');
    await watch.check();
    expect(second.risks).toHaveLength(1);
    expect(second.risks[0]).toMatchObject({
      start: '2026-06-10T03:00:00.000Z',
      end: '2026-06-10T05:00:00.000Z',
      available: 0,
      severity: 'LOST',
      tentative: true,
      group: { name: 'AMS uplinks' },
    });
    expect(second.risks[0].causes.map((c) => [c.kind, c.member.name, c.tentative])).toEqual(
      expect.arrayContaining([
        ['MAINTENANCE', 'NT-1', false],
        ['MAINTENANCE', 'SF-9', true],
      ]),
    );
    expect(second.maintenance.risks.map((r) => r.id)).toEqual([second.risks[0].id]);
    expect((await risks()).map((r) => r.id)).toEqual([second.risks[0].id]);
    // Counting tentative work as not happening, and by provider.
    expect(await risks({ includeTentative: false })).toEqual([]);
    expect(await risks({ providerIds: [providers['north-transit']] })).toHaveLength(1);

    // In the calendar when asked for, and in the feed with include=risks.
    const calendar = await hush.ok(
      `query { calendar(from: "2026-06-10T00:00:00Z", to: "2026-06-11T00:00:00Z", filter: { sources: [REDUNDANCY_RISK] }) {
        source sourceId title start end targets { type id } } }`,
    );
    expect(calendar.calendar).toEqual([
      {
        source: 'REDUNDANCY_RISK',
        sourceId: group.id,
        title: 'Redundancy risk: AMS uplinks (LOST, tentative)',
        start: '2026-06-10T03:00:00.000Z',
        end: '2026-06-10T05:00:00.000Z',
        targets: expect.arrayContaining([
          { type: 'CIRCUIT', id: circuits['NT-1'] },
          { type: 'CIRCUIT', id: circuits['SF-9'] },
        ]),
      },
    ]);
    const feed = (include?: string) =>
      fetch(
        `${hush.url}/calendar.ics?from=2026-06-01T00:00:00Z&to=2026-07-01T00:00:00Z&token=${ADMIN_SECRET}${include ? `&include=${include}` : ''}`,
      );
    expect(await (await feed('risks')).text()).toContain('SUMMARY:Redundancy risk: AMS uplinks (LOST\\, tentative)');
    expect(await (await feed()).text()).not.toContain('Redundancy risk');
    expect((await feed('gossip')).status).toBe(400);

    // Confirmed: no longer tentative.
    const confirmed = await importNotice('south-fibre', 'SF-7', 'SF-9', 'CONFIRMED', '20260610T030000Z', '20260610T070000Z', 2);
    expect(confirmed.risks.map((r) => r.tentative)).toEqual([false]);
    await watch.check();

    const cancelled = await importNotice('north-transit', 'NT-100', 'NT-1', 'CANCELLED', '20260610T010000Z', '20260610T050000Z', 2);
    expect(cancelled.risks).toEqual([]);
    expect(await risks()).toEqual([]);
    await watch.check();
    // Each change once, in order; checking again announces nothing more.
    const window = { start: '2026-06-10T03:00:00.000Z', end: '2026-06-10T05:00:00.000Z', severity: 'LOST' };
    expect((await changes.done).map((c) => c.redundancyRiskChanged)).toEqual([
      { kind: 'APPEARED', risk: { ...window, tentative: true } },
      { kind: 'CHANGED', risk: { ...window, tentative: false } },
      { kind: 'DISAPPEARED', risk: { ...window, tentative: false } },
    ]);
    expect(await watch.check()).toBe(0);
    await client.dispose();
  });

  it('counts members through dependencies and windows, needs minimumAvailable, and skips INACTIVE members', async () => {
    const a = await seedService(hush, 'edge-a');
    const b = await seedService(hush, 'edge-b');
    const c = await seedService(hush, 'edge-c');
    await hush.ok('mutation($id: ID!, $d: [ImpactTargetInput!]) { updateService(id: $id, input: { dependsOn: $d }) { id } }', {
      id: a.serviceId,
      d: [{ type: 'CIRCUIT', id: circuits['NT-1'] }],
    });
    const trio = (
      await hush.ok(CREATE_GROUP, {
        i: {
          name: 'Edge trio',
          minimumAvailable: 2,
          members: [
            { target: { type: 'SERVICE', id: a.serviceId } },
            { target: { type: 'SERVICE', id: b.serviceId } },
            { target: { type: 'SERVICE', id: c.serviceId }, priority: 'INACTIVE' },
          ],
        },
      })
    ).createRedundancyGroup;
    expect(trio.members.map((m: { priority: string }) => m.priority)).toEqual(['PRIMARY', 'PRIMARY', 'INACTIVE']);
    const nt200 = await importNotice('north-transit', 'NT-200', 'NT-1', 'CONFIRMED', '20260615T010000Z', '20260615T030000Z');
    const window = `mutation($i: CreateMaintenanceWindowInput!) { createMaintenanceWindow(input: $i) { id } }`;
    await hush.ok(window, { i: { startsAt: '2026-06-15T02:00:00Z', endsAt: '2026-06-15T04:00:00Z', serviceIds: [c.serviceId] } });
    // Edge a is out through the circuit it depends on: one of the two that count, below the two required.
    const [risk] = await risks({ groupIds: [trio.id] });
    expect(risk).toMatchObject({
      start: '2026-06-15T01:00:00.000Z',
      end: '2026-06-15T03:00:00.000Z',
      available: 1,
      severity: 'BELOW_MINIMUM',
    });
    expect(risk.causes.map((c) => [c.kind, c.member.name])).toEqual([['MAINTENANCE', 'edge-a']]);
    const ofGroup = await hush.ok(
      `query($id: ID!) { redundancyGroup(id: $id) { risks(from: "2026-06-15T00:00:00Z", to: "2026-06-16T00:00:00Z") { id } } }`,
      {
        id: trio.id,
      },
    );
    expect(ofGroup.redundancyGroup.risks).toEqual([{ id: risk.id }]);

    // The result of a reschedule shows the risk the change creates, at the new time.
    const moved = await hush.ok(
      `mutation($id: ID!) { rescheduleMaintenance(id: $id, input: { startsAt: "2026-06-16T01:00:00Z", endsAt: "2026-06-16T02:00:00Z" }) {
        risks { start end group { name } } } }`,
      { id: nt200.maintenance.id },
    );
    expect(moved.rescheduleMaintenance.risks).toEqual([
      { start: '2026-06-16T01:00:00.000Z', end: '2026-06-16T02:00:00.000Z', group: { name: 'Edge trio' } },
    ]);
  });

  it('lists, edits and refuses bad groups clearly', async () => {
    expect((await hush.ok(GROUPS, { f: { memberId: circuits['SF-9'] } })).redundancyGroups.nodes).toEqual([{ name: 'AMS uplinks' }]);
    const page = (await hush.ok(GROUPS, { first: 1 })).redundancyGroups;
    expect(page.pageInfo.hasNextPage).toBe(true);
    const duplicate = await hush.gql(CREATE_GROUP, { i: { name: 'ams UPLINKS', members: [] } });
    expect(codes(duplicate)).toEqual(['CONFLICT']);
    const missing = await hush.gql(CREATE_GROUP, {
      i: { name: 'x', members: [{ target: { type: 'SITE', id: '00000000-0000-4000-8000-000000000000' } }] },
    });
    expect(missing.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.members.0.target.id', message: 'no site 00000000-0000-4000-8000-000000000000' }],
    });
    expect(codes(await hush.gql(CREATE_GROUP, { i: { name: 'y', minimumAvailable: 0, members: [] } }))).toEqual(['BAD_USER_INPUT']);
    const badRange = await hush.gql(RISKS, { from: '2026-06-02T00:00:00Z', to: '2026-06-01T00:00:00Z' });
    expect(badRange.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'to', message: 'must be after from' }],
    });

    const removed = await hush.ok(
      'mutation($g: ID!, $t: ImpactTargetInput!) { removeRedundancyGroupMember(groupId: $g, target: $t) { members { target { id } } } }',
      { g: group.id, t: { type: 'CIRCUIT', id: circuits['SF-9'] } },
    );
    expect(removed.removeRedundancyGroupMember.members).toEqual([{ target: { id: circuits['NT-1'] } }]);
    const notMember = await hush.gql(
      'mutation($g: ID!, $t: ImpactTargetInput!) { removeRedundancyGroupMember(groupId: $g, target: $t) { id } }',
      { g: group.id, t: { type: 'CIRCUIT', id: circuits['SF-9'] } },
    );
    expect(codes(notMember)).toEqual(['BAD_USER_INPUT']);
    const added = await hush.ok(
      'mutation($g: ID!, $i: RedundancyGroupMemberInput!) { addRedundancyGroupMember(groupId: $g, input: $i) { members { priority target { id } } } }',
      { g: group.id, i: { target: { type: 'CIRCUIT', id: circuits['SF-9'] }, priority: 'TERTIARY' } },
    );
    expect(added.addRedundancyGroupMember.members.map((m: { priority: string }) => m.priority)).toEqual(['PRIMARY', 'TERTIARY']);
    const deleted = await hush.ok('mutation($id: ID!) { deleteRedundancyGroup(id: $id) { name } }', { id: group.id });
    expect(deleted.deleteRedundancyGroup.name).toBe('AMS uplinks');
    expect(codes(await hush.gql('query($id: ID!) { redundancyGroup(id: $id) { id } }', { id: group.id }))).toEqual(['NOT_FOUND']);
  });
});

/** Two replicas need one real Postgres; on embedded PGlite there is only ever one process. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('redundancy risks on two replicas', () => {
  let a: TestHush;
  let b: TestHush;
  beforeAll(async () => {
    a = await TestHush.start({ now: '2026-06-01T00:00:00Z' });
    b = await TestHush.start({ now: '2026-06-01T00:00:00Z', shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('announces a risk once, to the subscribers of every replica, however many replicas check', async () => {
    const p = (await a.ok('mutation { createProvider(input: { name: "Twin", slug: "twin" }) { id } }')).createProvider.id;
    const circuit = async (cid: string) =>
      (await a.ok('mutation($i: CreateCircuitInput!) { createCircuit(input: $i) { id } }', { i: { providerId: p, cid } })).createCircuit.id;
    const [x, y] = [await circuit('TW-1'), await circuit('TW-2')];
    const { id: groupId } = (
      await a.ok(CREATE_GROUP, {
        i: { name: 'Twins', members: [{ target: { type: 'CIRCUIT', id: x } }, { target: { type: 'CIRCUIT', id: y } }] },
      })
    ).createRedundancyGroup;
    const clients = [a, b].map((h) => wsClient(h.url, { authorization: `Bearer ${ADMIN_SECRET}` }));
    const query = 'subscription($g: [ID!]) { redundancyRiskChanged(groupIds: $g) { kind risk { groupId } } }';
    const subs = clients.map((c) => collect(c, query, { g: [groupId] }, 1));
    await Promise.all([a, b].map((h) => feedListeners(h, RiskChangeFeed, 'redundancyRiskChange', 1)));
    for (const [i, target] of [x, y].entries()) {
      const m = (
        await a.ok(`mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { id } }`, {
          i: {
            providerId: p,
            name: `TW-${i}`,
            summary: 'works',
            status: 'CONFIRMED',
            startsAt: '2026-06-20T01:00:00Z',
            endsAt: '2026-06-20T03:00:00Z',
          },
        })
      ).createMaintenance;
      await a.ok(
        'mutation($m: ID!, $t: ID!) { addImpact(maintenanceId: $m, input: { target: { type: CIRCUIT, id: $t }, level: OUTAGE }) { id } }',
        {
          m: m.id,
          t: target,
        },
      );
    }
    // Both replicas check (besides the checks their engines' changes set off): the risk is recorded, and sent, once.
    await Promise.all([a, b].map((h) => h.app.get(RiskWatch).check()));
    await Promise.all([a, b].map((h) => h.app.get(RiskWatch).check()));
    expect(await a.sql('SELECT kind FROM redundancy_risk_change WHERE group_id = $1', [groupId])).toEqual([{ kind: 'APPEARED' }]);
    for (const sub of subs) expect((await sub.done).map((d) => d.redundancyRiskChanged)).toEqual([{ kind: 'APPEARED', risk: { groupId } }]);
    for (const c of clients) await c.dispose();
  });
});
