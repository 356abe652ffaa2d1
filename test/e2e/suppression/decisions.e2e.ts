import { codes, TestHush } from '../../support/hush';
import { createMaintenance, seedInventory } from '../provider-maintenance/fixtures';
import { CREATE_WINDOW, seedService } from '../services/fixtures';

const DECIDE = `query($t: SuppressionTarget!, $at: DateTime) {
  suppression(target: $t, at: $at) { suppressed effects reasons { source id name occurrence { start end } } } }`;
const DECIDE_MANY = `query($t: [SuppressionTarget!]!, $at: DateTime) { suppressions(targets: $t, at: $at) { suppressed effects reasons { source id } } }`;
const CREATE_MONITOR = 'mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }';
const CREATE_POLICY = 'mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id } }';

describe('suppression decisions across modules', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
  });
  afterAll(() => hush.close());

  const decide = async (target: Record<string, unknown>, at?: string) => (await hush.ok(DECIDE, { t: target, at })).suppression;

  it('a provider OUTAGE on a service suppresses it only while CONFIRMED or IN_PROCESS and inside the window', async () => {
    const { serviceId } = await seedService(hush, 'Payments');
    const inv = await seedInventory(hush);
    const m = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    await hush.ok(
      'mutation($m: ID!, $s: ID!) { addImpact(maintenanceId: $m, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
      {
        m: m.id,
        s: serviceId,
      },
    );
    const inside = '2026-06-10T02:00:00Z';
    expect(await decide({ serviceId }, inside)).toEqual({ suppressed: false, effects: [], reasons: [] });

    await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { status: CONFIRMED }) { status } }', { id: m.id });
    expect(await decide({ serviceId }, inside)).toEqual({
      suppressed: true,
      effects: ['NO_INCIDENT'],
      reasons: [
        {
          source: 'PROVIDER_MAINTENANCE',
          id: m.id,
          name: 'WO-1 (CONFIRMED)',
          occurrence: { start: '2026-06-10T01:00:00.000Z', end: '2026-06-10T05:00:00.000Z' },
        },
      ],
    });
    // Half-open: not at its end, not before its start.
    expect((await decide({ serviceId }, '2026-06-10T05:00:00Z')).suppressed).toBe(false);
    expect((await decide({ serviceId }, '2026-06-10T00:59:59Z')).suppressed).toBe(false);
    // An event naming the service is covered too.
    expect((await decide({ event: { serviceId, class: 'x' } }, inside)).effects).toEqual(['NO_INCIDENT']);

    await hush.ok('mutation($id: ID!) { markMaintenanceInProgress(id: $id) { status } }', { id: m.id });
    expect((await decide({ serviceId }, inside)).suppressed).toBe(true);
    await hush.ok('mutation($id: ID!) { markMaintenanceCompleted(id: $id) { status } }', { id: m.id });
    expect((await decide({ serviceId }, inside)).suppressed).toBe(false);
  });

  it('names a service window, with at defaulting to the clock', async () => {
    const { serviceId } = await seedService(hush, 'Search');
    const w = (
      await hush.ok(CREATE_WINDOW, {
        i: { startsAt: '2026-06-01T11:00:00Z', endsAt: '2026-06-01T13:00:00Z', description: 'reindex', serviceIds: [serviceId] },
      })
    ).createMaintenanceWindow;
    expect(await decide({ serviceId })).toMatchObject({
      suppressed: true,
      effects: ['NO_INCIDENT'],
      reasons: [{ source: 'SERVICE_WINDOW', id: w.id, name: 'reindex' }],
    });
    // Deleting an ongoing window ends it now: the very next decision sees it.
    await hush.ok('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome } }', { id: w.id });
    expect((await decide({ serviceId })).suppressed).toBe(false);
  });

  it('a monitor in a group period, across a DST change in its zone', async () => {
    const monitorId = (await hush.ok(CREATE_MONITOR, { i: { name: 'edge-1', type: 'HTTP', target: 'https://edge-1.example.com' } }))
      .createMonitor.id;
    const { createMonitorGroup } = await hush.ok(
      'mutation($ids: [ID!]) { createMonitorGroup(input: { name: "edge", monitorIds: $ids }) { id } }',
      {
        ids: [monitorId],
      },
    );
    const [period] = (
      await hush.ok('mutation($g: ID!, $i: MaintenancePeriodInput!) { addMaintenancePeriodToGroup(groupId: $g, input: $i) { id } }', {
        g: createMonitorGroup.id,
        i: {
          maintenanceType: 'DISABLE_MONITORING',
          schedule: { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-10-20', startTime: '01:00', endTime: '03:00' },
        },
      })
    ).addMaintenancePeriodToGroup;
    // 2026-10-25: Berlin falls back at 03:00 CEST, so 01:00–03:00 lasts three hours (23:00Z – 02:00Z).
    const fallBack = await decide({ monitorId }, '2026-10-25T01:30:00Z');
    expect(fallBack).toMatchObject({
      suppressed: true,
      effects: ['DISABLE_MONITORING', 'DISABLE_NOTIFICATIONS'],
      reasons: [
        { source: 'MONITOR_PERIOD', id: period.id, occurrence: { start: '2026-10-24T23:00:00.000Z', end: '2026-10-25T02:00:00.000Z' } },
      ],
    });
    expect((await decide({ monitorId }, '2026-10-25T02:00:00Z')).suppressed).toBe(false);
    // The day before, the same window is 23:00Z – 01:00Z.
    expect((await decide({ monitorId }, '2026-10-24T00:30:00Z')).suppressed).toBe(true);
    expect((await decide({ monitorId }, '2026-10-24T01:30:00Z')).suppressed).toBe(false);
  });

  it('an event matched by two policies names the lower execution order first', async () => {
    const schedule = { recurrence: 'DAILY', timeZone: 'America/New_York', startDate: '2026-03-01', startTime: '01:00', endTime: '04:00' };
    const base = { enabled: true, schedule, selector: "host equals 'db-1'" };
    const late = (await hush.ok(CREATE_POLICY, { i: { ...base, name: 'late', executionOrder: 50 } })).createBlackoutPolicy.id;
    const early = (
      await hush.ok(CREATE_POLICY, { i: { ...base, name: 'early', executionOrder: 5, selector: "host within ['db-1','db-2']" } })
    ).createBlackoutPolicy.id;
    // 2026-03-08 in New York: 02:00 jumps to 03:00, so 01:00–04:00 is 06:00Z – 08:00Z.
    const decision = await decide({ event: { host: 'db-1', severity: 'CRITICAL' } }, '2026-03-08T07:30:00Z');
    expect(decision.effects).toEqual(['BLACKOUT']);
    expect(decision.reasons.map((r: { id: string }) => r.id)).toEqual([early, late]);
    expect(decision.reasons[0].occurrence).toEqual({ start: '2026-03-08T06:00:00.000Z', end: '2026-03-08T08:00:00.000Z' });
    expect((await decide({ event: { host: 'db-1' } }, '2026-03-08T08:00:00Z')).suppressed).toBe(false);
    expect((await decide({ event: { host: 'db-3' } }, '2026-03-08T07:30:00Z')).suppressed).toBe(false);
  });

  it('answers a batch of 1,000 mixed targets in order, and refuses 1,001', async () => {
    const { serviceId } = await seedService(hush, 'Batch');
    await hush.ok(CREATE_WINDOW, { i: { startsAt: '2026-06-01T11:00:00Z', endsAt: '2026-06-01T14:00:00Z', serviceIds: [serviceId] } });
    const targets = Array.from({ length: 1000 }, (_, i) =>
      i % 3 === 0 ? { serviceId } : i % 3 === 1 ? { monitorId: '00000000-0000-4000-8000-000000000000' } : { event: { host: `web-${i}` } },
    );
    const decisions = (await hush.ok(DECIDE_MANY, { t: targets })).suppressions;
    expect(decisions).toHaveLength(1000);
    decisions.forEach((d: { suppressed: boolean }, i: number) => expect(d.suppressed).toBe(i % 3 === 0));
    const tooMany = await hush.gql(DECIDE_MANY, { t: [...targets, { serviceId }] });
    expect(codes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });

  it('wants exactly one kind of target, naming the one at fault', async () => {
    const res = await hush.gql(DECIDE_MANY, {
      t: [{ event: { host: 'a' } }, { serviceId: '00000000-0000-4000-8000-000000000000', event: { host: 'a' } }],
    });
    expect(codes(res)).toEqual(['BAD_USER_INPUT']);
    expect(res.errors![0].extensions!.fields).toEqual([{ path: 'targets.1', message: expect.stringContaining('exactly one') }]);
  });

  it('is read-only for viewers and closed to anonymous callers', async () => {
    const viewer = await hush.token('VIEWER');
    expect((await hush.gql(DECIDE, { t: { event: {} } }, viewer)).errors).toBeUndefined();
    expect(codes(await hush.gql(DECIDE, { t: { event: {} } }, null))).toEqual(['UNAUTHENTICATED']);
  });
});
