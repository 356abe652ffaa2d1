import { SuppressionEngine } from '../../../src/suppression/suppression-engine.service';
import { WindowTransitionWorker } from '../../../src/suppression/window-transition.worker';
import { ADMIN_SECRET, codes, TestHush } from '../../support/hush';
import { changeListeners, collect, transitionListeners, wsClient } from '../../support/ws';
import { SEND_EVENT, seedService } from '../services/fixtures';
import { seedInventory } from './fixtures';

const OUTAGE = 'id name status startsAt estimatedTimeToRepair endsAt acknowledged provider { id } impacts { id level target { type id } }';
const CREATE = `mutation($i: CreateOutageInput!) { createOutage(input: $i) { ${OUTAGE} } }`;
const ACTION = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${OUTAGE} } }`;
const RESOLVE = `mutation($id: ID!, $at: DateTime) { resolveOutage(id: $id, endsAt: $at) { ${OUTAGE} } }`;
const ADD_IMPACT = `mutation($o: ID!, $type: ImpactTargetType!, $id: ID!, $level: ImpactLevel!) {
  addOutageImpact(outageId: $o, input: { target: { type: $type, id: $id }, level: $level }) { id level target { type id } } }`;
const LIST = `query($f: OutageFilter, $first: Int, $after: String) {
  outages(filter: $f, first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } }`;
const REASON = 'source id name occurrence { start end }';
const DECIDE = `query($t: SuppressionTarget!) { suppression(target: $t) { suppressed effects reasons { ${REASON} } } }`;
const MONITOR_STATE = `query($id: ID!) { monitor(id: $id) { state { monitoringEnabled notificationsEnabled reasons { ${REASON} } } } }`;
const CALENDAR = `query($from: DateTime!, $to: DateTime!) {
  calendar(from: $from, to: $to, filter: { sources: [PROVIDER_OUTAGE] }) { sourceId title start end estimated targets { type id } } }`;
const TRANSITIONS = `subscription($serviceIds: [ID!]) {
  windowTransitions(sources: [PROVIDER_OUTAGE], serviceIds: $serviceIds) { kind at id occurrence { start end } } }`;
const HELD = `query($s: [ID!]) { heldAlerts(filter: { serviceIds: $s }) { nodes { dedupKey status expectedReleaseAt heldBy { id } } } }`;
const CHANGED = `subscription($id: ID) { outageChanged(id: $id) { change { action status changes } outage { id status } } }`;

interface Outage {
  id: string;
  status: string;
  startsAt: string;
  endsAt: string | null;
  estimatedTimeToRepair: string | null;
  acknowledged: boolean;
  impacts: { id: string; level: string; target: { type: string; id: string } }[];
}

describe('provider outages', () => {
  let hush: TestHush;
  let inv: Awaited<ReturnType<typeof seedInventory>>;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-07-01T08:00:00Z' });
    inv = await seedInventory(hush);
  });
  afterAll(() => hush.close());

  const create = async (input: Record<string, unknown> = {}) =>
    (await hush.ok(CREATE, { i: { name: 'Fibre cut', providerId: inv.provider, summary: 'Backbone down', ...input } }))
      .createOutage as Outage;
  const act = async (name: string, id: string) => (await hush.ok(ACTION(name), { id }))[name] as Outage;

  it('is REPORTED from now by default, moves along its workflow and refuses a step back', async () => {
    const o = await create({ estimatedTimeToRepair: '2026-07-01T12:00:00Z' });
    expect(o).toMatchObject({
      status: 'REPORTED',
      startsAt: '2026-07-01T08:00:00.000Z',
      estimatedTimeToRepair: '2026-07-01T12:00:00.000Z',
      endsAt: null,
      acknowledged: false,
      provider: { id: inv.provider },
    });
    expect((await act('acknowledgeOutage', o.id)).acknowledged).toBe(true);
    expect((await act('identifyOutage', o.id)).status).toBe('IDENTIFIED'); // a forward jump
    const back = await hush.gql(ACTION('investigateOutage'), { id: o.id });
    expect(codes(back)).toEqual(['INVALID_TRANSITION']);
    expect(back.errors![0].message).toBe('Cannot go from IDENTIFIED to INVESTIGATING');
    expect(back.errors![0].extensions).toMatchObject({ from: 'IDENTIFIED', to: 'INVESTIGATING' });
    expect((await act('monitorOutage', o.id)).status).toBe('MONITORING');
    expect((await act('investigateOutage', o.id)).status).toBe('INVESTIGATING'); // it came back
    const early = await hush.gql(RESOLVE, { id: o.id, at: '2026-07-01T07:00:00Z' });
    expect(early.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'endsAt', message: 'must not be before startsAt' }],
    });
    hush.clock.set('2026-07-01T09:30:00Z');
    expect(await act('resolveOutage', o.id)).toMatchObject({ status: 'RESOLVED', endsAt: '2026-07-01T09:30:00.000Z' });
    expect(codes(await hush.gql(RESOLVE, { id: o.id }))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await hush.gql(ACTION('monitorOutage'), { id: o.id }))).toEqual(['INVALID_TRANSITION']);
    const timeline = (
      await hush.ok('query($id: ID!) { outage(id: $id) { timeline { action status } } }', { id: o.id })
    ).outage.timeline.map((e: { action: string; status: string }) => `${e.action} ${e.status}`);
    expect(timeline).toEqual([
      'TRANSITION RESOLVED',
      'TRANSITION INVESTIGATING',
      'TRANSITION MONITORING',
      'TRANSITION IDENTIFIED',
      'UPDATE REPORTED',
      'CREATE REPORTED',
    ]);
  });

  it('refuses bad input naming the field', async () => {
    const bad = await hush.gql(CREATE, {
      i: { name: 'x', providerId: inv.c1, startsAt: '2026-07-01T08:00:00Z', estimatedTimeToRepair: '2026-07-01T07:00:00Z' },
    });
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { path: 'input.estimatedTimeToRepair', message: 'must not be before startsAt' },
        { path: 'input.providerId', message: `no provider ${inv.c1}` },
      ],
    });
    expect(codes(await hush.gql(ACTION('monitorOutage'), { id: inv.c1 }))).toEqual(['NOT_FOUND']);
  });

  it('has impacts like a maintenance, updated and removed by id, frozen once resolved', async () => {
    hush.clock.set('2026-07-01T10:00:00Z');
    const o = await create();
    const circuit = (await hush.ok(ADD_IMPACT, { o: o.id, type: 'CIRCUIT', id: inv.c1, level: 'DEGRADED' })).addOutageImpact;
    const site = (await hush.ok(ADD_IMPACT, { o: o.id, type: 'SITE', id: inv.ams, level: 'OUTAGE' })).addOutageImpact;
    expect(codes(await hush.gql(ADD_IMPACT, { o: o.id, type: 'SITE', id: inv.ams, level: 'DEGRADED' }))).toEqual(['CONFLICT']);
    await hush.ok('mutation($id: ID!) { updateImpact(id: $id, input: { level: OUTAGE }) { id } }', { id: circuit.id });
    await hush.ok('mutation($id: ID!) { removeImpact(id: $id) { id } }', { id: site.id });
    const read = (await hush.ok(`query($id: ID!) { outage(id: $id) { ${OUTAGE} } }`, { id: o.id })).outage as Outage;
    expect(read.impacts).toEqual([{ id: circuit.id, level: 'OUTAGE', target: { type: 'CIRCUIT', id: inv.c1 } }]);
    await hush.ok(RESOLVE, { id: o.id });
    const frozen = await hush.gql(ADD_IMPACT, { o: o.id, type: 'SITE', id: inv.fra, level: 'OUTAGE' });
    expect(frozen.errors![0].extensions).toMatchObject({ code: 'IMPACTS_FROZEN', outageId: o.id, status: 'RESOLVED' });
    expect(
      codes(await hush.gql('mutation($id: ID!) { updateImpact(id: $id, input: { level: DEGRADED }) { id } }', { id: circuit.id })),
    ).toEqual(['IMPACTS_FROZEN']);
    expect(codes(await hush.gql('mutation($id: ID!) { removeImpact(id: $id) { id } }', { id: circuit.id }))).toEqual(['IMPACTS_FROZEN']);
    // Deleting the outage takes its impacts with it.
    await hush.ok('mutation($id: ID!) { deleteOutage(id: $id) { id } }', { id: o.id });
    expect(codes(await hush.gql('mutation($id: ID!) { removeImpact(id: $id) { id } }', { id: circuit.id }))).toEqual(['NOT_FOUND']);
  });

  it('filters by status, activity, acknowledgement, place and text, a page at a time', async () => {
    hush.clock.set('2026-07-02T00:00:00Z');
    const atFra = await create({ name: 'Frankfurt power', internalTicket: 'INC-4711' });
    await hush.ok(ADD_IMPACT, { o: atFra.id, type: 'LOCATION', id: inv.cage, level: 'OUTAGE' });
    const atAms = await create({ name: 'Amsterdam fibre', startsAt: '2026-07-01T23:00:00Z' });
    await hush.ok(ADD_IMPACT, { o: atAms.id, type: 'CIRCUIT', id: inv.c2, level: 'DEGRADED' });
    await act('acknowledgeOutage', atAms.id);
    await act('resolveOutage', atAms.id);
    const ids = async (f: Record<string, unknown>) =>
      (await hush.ok(LIST, { f, first: 50 })).outages.nodes.map((n: { id: string }) => n.id) as string[];
    const mine = async (f: Record<string, unknown>) => (await ids(f)).filter((id) => id === atFra.id || id === atAms.id);
    expect(await mine({ siteId: inv.fra })).toEqual([atFra.id]);
    expect(await mine({ regionId: inv.europe })).toEqual([atAms.id, atFra.id]);
    expect(await mine({ regionId: inv.germany })).toEqual([atFra.id]);
    expect(await mine({ locationId: inv.cage })).toEqual([atFra.id]);
    expect(await mine({ active: true })).toEqual([atFra.id]);
    expect(await mine({ active: false })).toEqual([atAms.id]);
    expect(await mine({ status: ['RESOLVED'] })).toEqual([atAms.id]);
    expect(await mine({ acknowledged: true })).toEqual([atAms.id]);
    expect(await ids({ q: 'inc-47' })).toEqual([atFra.id]);
    expect(await mine({ providerId: inv.provider })).toEqual([atAms.id, atFra.id]);
    const first = (await hush.ok(LIST, { f: { regionId: inv.europe }, first: 1 })).outages;
    const second = (await hush.ok(LIST, { f: { regionId: inv.europe }, first: 1, after: first.pageInfo.endCursor })).outages;
    expect([first.nodes[0].id, second.nodes[0].id]).toEqual([atAms.id, atFra.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const bad = await hush.gql(LIST, { f: { siteId: 'nope' } });
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'filter.siteId', message: 'must be a UUID' }],
    });
  });

  it('suppresses what it impacts until resolved, shows its ETR as an estimated end, and announces start and end', async () => {
    hush.clock.set('2026-07-03T09:00:00Z');
    const worker = hush.app.get(WindowTransitionWorker);
    await worker.tick(); // catch up to here before the outage exists
    const { serviceId } = await seedService(hush, 'Outaged');
    const monitorId = (await hush.ok('mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }', { i: { name: 'ping' } }))
      .createMonitor.id;
    const client = wsClient(hush.url, { authorization: `Bearer ${await hush.token('VIEWER')}` });
    try {
      const transitions = collect(client, TRANSITIONS, { serviceIds: [serviceId] }, 2);
      const changes = collect(client, CHANGED, {}, 4);
      await transitionListeners(hush, 1);
      await changeListeners(hush, 1);

      hush.clock.set('2026-07-03T09:05:00Z');
      const o = await create({ name: 'Transit down', estimatedTimeToRepair: '2026-07-03T11:00:00Z' });
      await hush.ok(ADD_IMPACT, { o: o.id, type: 'SERVICE', id: serviceId, level: 'OUTAGE' });
      await hush.ok(ADD_IMPACT, { o: o.id, type: 'MONITOR', id: monitorId, level: 'DEGRADED' });
      await worker.tick();

      const reason = {
        source: 'PROVIDER_OUTAGE',
        id: o.id,
        name: 'Transit down (REPORTED)',
        occurrence: { start: '2026-07-03T09:05:00.000Z', end: '9999-12-31T23:59:59.999Z' },
      };
      expect((await hush.ok(DECIDE, { t: { serviceId } })).suppression).toEqual({
        suppressed: true,
        effects: ['NO_INCIDENT'],
        reasons: [reason],
      });
      const sent = (await hush.ok(SEND_EVENT, { i: { serviceId, action: 'TRIGGER', summary: 'packet loss' } })).sendEvent;
      expect(sent).toMatchObject({ suppressed: true, reasons: [reason], incident: null, event: { result: 'SUPPRESSED' } });
      // Held over an outage with no end of its own: no release time is promised.
      expect((await hush.ok(HELD, { s: [serviceId] })).heldAlerts.nodes).toEqual([
        { dedupKey: sent.event.dedupKey, status: 'HELD', expectedReleaseAt: null, heldBy: [{ id: o.id }] },
      ]);
      expect((await hush.ok(MONITOR_STATE, { id: monitorId })).monitor.state).toEqual({
        monitoringEnabled: true,
        notificationsEnabled: false,
        reasons: [reason],
      });

      // What the engine followed through the change log is what a full load reads.
      expect(await hush.app.get(SuppressionEngine).verify()).toBe(0);

      const calendar = async () =>
        (await hush.ok(CALENDAR, { from: '2026-07-03T00:00:00Z', to: '2026-07-04T00:00:00Z' })).calendar.filter(
          (e: { sourceId: string }) => e.sourceId === o.id,
        );
      expect(await calendar()).toEqual([
        {
          sourceId: o.id,
          title: 'Transit down (REPORTED)',
          start: '2026-07-03T09:05:00.000Z',
          end: '2026-07-03T11:00:00.000Z',
          estimated: true,
          targets: [
            { type: 'SERVICE', id: serviceId },
            { type: 'MONITOR', id: monitorId },
          ],
        },
      ]);
      const ics = await fetch(`${hush.url}/calendar.ics?from=2026-07-03T00:00:00Z&to=2026-07-04T00:00:00Z&token=${ADMIN_SECRET}`);
      const body = (await ics.text()).replace(/\r\n /g, '');
      expect(body).toContain('SUMMARY:Transit down (REPORTED) (estimated end)');
      expect(body).toContain('DTEND:20260703T110000Z');
      // Past its ETR (and with none), it is shown to now.
      hush.clock.set('2026-07-03T11:30:00Z');
      expect((await calendar())[0]).toMatchObject({ end: '2026-07-03T11:30:00.000Z', estimated: true });
      await hush.ok('mutation($id: ID!) { updateOutage(id: $id, input: { estimatedTimeToRepair: null }) { id } }', { id: o.id });
      hush.clock.set('2026-07-03T11:40:00Z');
      expect((await calendar())[0]).toMatchObject({ end: '2026-07-03T11:40:00.000Z', estimated: true });
      await worker.tick(); // an estimate moving is no transition

      hush.clock.set('2026-07-03T11:45:00Z');
      await hush.ok(RESOLVE, { id: o.id });
      await worker.tick();
      expect((await hush.ok(DECIDE, { t: { serviceId } })).suppression.suppressed).toBe(false);
      expect((await hush.ok(MONITOR_STATE, { id: monitorId })).monitor.state.notificationsEnabled).toBe(true);
      const sentAfter = (await hush.ok(SEND_EVENT, { i: { serviceId, action: 'TRIGGER', summary: 'still lossy' } })).sendEvent;
      expect(sentAfter).toMatchObject({ suppressed: false, reasons: [] });
      expect((await calendar())[0]).toMatchObject({ end: '2026-07-03T11:45:00.000Z', estimated: false });

      expect((await transitions.done).map((d) => d.windowTransitions)).toEqual([
        {
          kind: 'STARTED',
          at: '2026-07-03T09:05:00.000Z',
          id: o.id,
          occurrence: { start: '2026-07-03T09:05:00.000Z', end: '9999-12-31T23:59:59.999Z' },
        },
        {
          kind: 'ENDED',
          at: '2026-07-03T11:45:00.000Z',
          id: o.id,
          occurrence: { start: '2026-07-03T09:05:00.000Z', end: '2026-07-03T11:45:00.000Z' },
        },
      ]);
      expect((await changes.done).map((d) => `${d.outageChanged.change.action} ${d.outageChanged.outage.status}`)).toEqual([
        'CREATE REPORTED',
        'UPDATE REPORTED',
        'UPDATE REPORTED',
        'UPDATE REPORTED',
      ]);
    } finally {
      await client.dispose();
    }
  });
  it("keeps the provider's messages about it, as received, on its timeline — after it is resolved too", async () => {
    const o = await create({ name: 'Fibre cut 2' });
    await act('resolveOutage', o.id);
    const ATTACH = `mutation($o: ID!, $i: AttachNotificationInput!) { attachOutageNotification(outageId: $o, input: $i) { id subject sender format } }`;
    const message = {
      subject: 'RFO: fibre cut',
      sender: 'noc@example.net',
      receivedAt: '2026-07-01T10:00:00Z',
      body: 'Root cause: digger.',
    };
    const attached = (await hush.ok(ATTACH, { o: o.id, i: message })).attachOutageNotification;
    expect(attached).toMatchObject({ subject: 'RFO: fibre cut', sender: 'noc@example.net', format: 'TEXT' });
    const read = (
      await hush.ok(`query($id: ID!) { outage(id: $id) { notifications { id body receivedAt } timeline { changes } } }`, { id: o.id })
    ).outage;
    expect(read.notifications).toEqual([{ id: attached.id, body: 'Root cause: digger.', receivedAt: '2026-07-01T10:00:00.000Z' }]);
    expect(read.timeline[0].changes).toEqual({ notification: { before: null, after: { id: attached.id, subject: 'RFO: fibre cut' } } });
    expect(codes(await hush.gql(ATTACH, { o: '00000000-0000-4000-8000-000000000000', i: message }))).toEqual(['NOT_FOUND']);
  });
});
