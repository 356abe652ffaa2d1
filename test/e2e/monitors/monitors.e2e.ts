import { QueryCounter } from '../../../src/database/query-logger';
import { codes, TestHush } from '../../support/hush';

const CREATE_MONITOR = 'mutation($i: CreateMonitorInput!) { createMonitor(input: $i) { id } }';
const CREATE_PERIOD = `mutation($m: ID!, $i: MaintenancePeriodInput!) { createMaintenancePeriod(monitorId: $m, input: $i) {
  id status maintenanceType schedule { recurrence timeZone interval } nextOccurrences(limit: 2) { start end } } }`;
const STATE = `query($id: ID!, $at: DateTime) { monitor(id: $id) { state(at: $at) { monitoringEnabled notificationsEnabled reasons { source id occurrence { start end } } } } }`;

describe('monitors and maintenance periods', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
  });
  afterAll(() => hush.close());

  let n = 0;
  const monitor = async (extra: Record<string, unknown> = {}) =>
    (await hush.ok(CREATE_MONITOR, { i: { name: `monitor ${++n}`, type: 'HTTP', target: `https://example.com/${n}`, ...extra } }))
      .createMonitor.id as string;
  const period = async (monitorId: string, schedule: Record<string, unknown>, maintenanceType = 'DISABLE_NOTIFICATIONS') =>
    (await hush.ok(CREATE_PERIOD, { m: monitorId, i: { maintenanceType, schedule } })).createMaintenancePeriod;
  const state = async (id: string, at: string) => (await hush.ok(STATE, { id, at })).monitor.state;

  it('silences notifications in a cross-midnight daily window, half-open', async () => {
    const m = await monitor();
    const p = await period(m, {
      recurrence: 'DAILY',
      timeZone: 'Europe/Berlin',
      startDate: '2026-06-01',
      startTime: '22:00',
      endTime: '02:00',
    });
    expect(p.nextOccurrences[0]).toEqual({ start: '2026-06-01T20:00:00.000Z', end: '2026-06-02T00:00:00.000Z' });
    expect(await state(m, '2026-06-01T21:00:00Z')).toEqual({
      monitoringEnabled: true,
      notificationsEnabled: false,
      reasons: [{ source: 'MONITOR_PERIOD', id: p.id, occurrence: { start: '2026-06-01T20:00:00.000Z', end: '2026-06-02T00:00:00.000Z' } }],
    });
    expect(await state(m, '2026-06-02T00:00:00Z')).toEqual({ monitoringEnabled: true, notificationsEnabled: true, reasons: [] });
  });

  it('follows DST: a 01:00–03:00 window is 1 h on spring-forward night and 3 h on fall-back night', async () => {
    const m = await monitor();
    await period(
      m,
      { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-03-01', startTime: '01:00', endTime: '03:00' },
      'DISABLE_MONITORING',
    );
    const spring = await state(m, '2026-03-29T00:30:00Z');
    expect(spring).toMatchObject({
      monitoringEnabled: false,
      notificationsEnabled: false,
      reasons: [{ occurrence: { start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T01:00:00.000Z' } }],
    });
    expect((await state(m, '2026-03-29T01:00:00Z')).monitoringEnabled).toBe(true);
    const fall = await state(m, '2026-10-25T01:30:00Z');
    expect(fall.reasons[0].occurrence).toEqual({ start: '2026-10-24T23:00:00.000Z', end: '2026-10-25T02:00:00.000Z' });
  });

  it('supports every recurrence and reports status and next occurrences', async () => {
    const m = await monitor();
    const once = await period(m, {
      recurrence: 'ONE_TIME',
      timeZone: 'UTC',
      startDate: '2026-05-01',
      startTime: '10:00',
      endDate: '2026-05-01',
      endTime: '12:00',
    });
    expect(once).toMatchObject({ status: 'EXPIRED', nextOccurrences: [] });
    const weekly = await period(m, {
      recurrence: 'WEEKLY',
      timeZone: 'UTC',
      startDate: '2026-06-01',
      startTime: '10:00',
      endTime: '11:00',
      weekdays: ['TUESDAY'],
    });
    expect(weekly).toMatchObject({
      status: 'SCHEDULED',
      schedule: { recurrence: 'WEEKLY', interval: 1 },
      nextOccurrences: [
        { start: '2026-06-02T10:00:00.000Z', end: '2026-06-02T11:00:00.000Z' },
        { start: '2026-06-09T10:00:00.000Z', end: '2026-06-09T11:00:00.000Z' },
      ],
    });
    const lastDay = await period(m, {
      recurrence: 'MONTHLY',
      timeZone: 'UTC',
      startDate: '2026-06-01',
      startTime: '23:00',
      endTime: '01:00',
      monthDays: [-1],
    });
    expect(lastDay.nextOccurrences[0]).toEqual({ start: '2026-06-30T23:00:00.000Z', end: '2026-07-01T01:00:00.000Z' });
    const patchDay = await period(m, {
      recurrence: 'MONTHLY',
      timeZone: 'America/New_York',
      startDate: '2026-06-01',
      startTime: '20:00',
      endTime: '23:00',
      monthWeekdays: [{ ordinal: 2, weekday: 'TUESDAY' }],
    });
    expect(patchDay.nextOccurrences).toEqual([
      { start: '2026-06-10T00:00:00.000Z', end: '2026-06-10T03:00:00.000Z' },
      { start: '2026-07-15T00:00:00.000Z', end: '2026-07-15T03:00:00.000Z' },
    ]);
    const active = await period(m, { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '11:00', endTime: '13:00' });
    expect(active.status).toBe('ACTIVE');
  });

  it('renames a period and changes its description, keeping what is left out', async () => {
    const m = await monitor();
    const p = await period(m, { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '01:00', endTime: '02:00' });
    const UPDATE = `mutation($id: ID!, $i: UpdateMaintenancePeriodInput!) {
      updateMaintenancePeriod(id: $id, input: $i) { name description maintenanceType } }`;
    expect((await hush.ok(UPDATE, { id: p.id, i: { name: 'nightly backup', description: 'db dump' } })).updateMaintenancePeriod).toEqual({
      name: 'nightly backup',
      description: 'db dump',
      maintenanceType: 'DISABLE_NOTIFICATIONS',
    });
    expect((await hush.ok(UPDATE, { id: p.id, i: { maintenanceType: 'DISABLE_MONITORING' } })).updateMaintenancePeriod).toEqual({
      name: 'nightly backup',
      description: 'db dump',
      maintenanceType: 'DISABLE_MONITORING',
    });
  });

  it('cleans up only one-time periods that started before the date', async () => {
    const m = await monitor();
    await period(m, {
      recurrence: 'ONE_TIME',
      timeZone: 'UTC',
      startDate: '2026-05-01',
      startTime: '10:00',
      endDate: '2026-05-01',
      endTime: '12:00',
    });
    await period(m, {
      recurrence: 'ONE_TIME',
      timeZone: 'UTC',
      startDate: '2026-07-01',
      startTime: '10:00',
      endDate: '2026-07-01',
      endTime: '12:00',
    });
    await period(m, { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-01-01', startTime: '10:00', endTime: '12:00' });
    const res = await hush.ok('mutation($m: ID!) { cleanupMaintenancePeriods(monitorId: $m, before: "2026-06-01T00:00:00Z") }', { m });
    expect(res.cleanupMaintenancePeriods).toBe(1);
    const left = await hush.ok('query($id: ID!) { monitor(id: $id) { maintenancePeriods { schedule { recurrence } } } }', { id: m });
    expect(left.monitor.maintenancePeriods.map((p: { schedule: { recurrence: string } }) => p.schedule.recurrence).sort()).toEqual([
      'DAILY',
      'ONE_TIME',
    ]);
  });

  it('applies a period to every member of a group, all or none', async () => {
    const members = [await monitor(), await monitor(), await monitor()];
    const { createMonitorGroup: g } = await hush.ok(
      'mutation($ids: [ID!]) { createMonitorGroup(input: { name: "edge", monitorIds: $ids }) { id monitors { id } } }',
      { ids: members },
    );
    expect(g.monitors).toHaveLength(3);
    const input = {
      maintenanceType: 'DISABLE_MONITORING',
      schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '11:00', endTime: '13:00' },
    };
    const ADD =
      'mutation($g: ID!, $i: MaintenancePeriodInput!) { addMaintenancePeriodToGroup(groupId: $g, input: $i) { id monitor { id } group { id } } }';
    const created = (await hush.ok(ADD, { g: g.id, i: input })).addMaintenancePeriodToGroup;
    expect(created.map((p: { monitor: { id: string } }) => p.monitor.id).sort()).toEqual([...members].sort());
    expect(created.every((p: { group: { id: string } }) => p.group.id === g.id)).toBe(true);
    expect((await state(members[1], '2026-06-01T12:00:00Z')).monitoringEnabled).toBe(false);

    await hush.sql(`CREATE FUNCTION test_refuse_period() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.monitor_id = '${members[2]}' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await hush.sql(
      'CREATE TRIGGER test_refuse_period BEFORE INSERT ON maintenance_period FOR EACH ROW EXECUTE FUNCTION test_refuse_period()',
    );
    try {
      expect(codes(await hush.gql(ADD, { g: g.id, i: input }))).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await hush.sql('DROP TRIGGER test_refuse_period ON maintenance_period');
      await hush.sql('DROP FUNCTION test_refuse_period()');
    }
    const count = await hush.sql('SELECT count(*)::int AS n FROM maintenance_period WHERE group_id = $1', [g.id]);
    expect(count[0].n).toBe(3);

    const { createMonitorGroup: empty } = await hush.ok('mutation { createMonitorGroup(input: { name: "empty" }) { id } }');
    const res = await hush.gql(ADD, { g: empty.id, i: input });
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'groupId' }] });
  });

  it('changes membership from either side', async () => {
    const m = await monitor();
    const { createMonitorGroup: g } = await hush.ok('mutation { createMonitorGroup(input: { name: "core" }) { id } }');
    await hush.ok('mutation($id: ID!, $g: [ID!]) { updateMonitor(id: $id, input: { groupIds: $g }) { id } }', { id: m, g: [g.id] });
    expect((await hush.ok('query($id: ID!) { monitorGroup(id: $id) { monitors { id } } }', { id: g.id })).monitorGroup.monitors).toEqual([
      { id: m },
    ]);
    await hush.ok('mutation($id: ID!) { updateMonitorGroup(id: $id, input: { monitorIds: [] }) { id } }', { id: g.id });
    expect((await hush.ok('query($id: ID!) { monitor(id: $id) { groups { id } } }', { id: m })).monitor.groups).toEqual([]);
  });

  it('deletes a monitor with its periods', async () => {
    const m = await monitor();
    await period(m, { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '10:00', endTime: '11:00' });
    await hush.ok('mutation($id: ID!) { deleteMonitor(id: $id) { id } }', { id: m });
    expect((await hush.sql('SELECT count(*)::int AS n FROM maintenance_period WHERE monitor_id = $1', [m]))[0].n).toBe(0);
  });

  it('names the schedule field at fault, and lets a VIEWER read but not write', async () => {
    const m = await monitor();
    const bad = await hush.gql(CREATE_PERIOD, {
      m,
      i: {
        maintenanceType: 'DISABLE_MONITORING',
        schedule: { recurrence: 'WEEKLY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '10:00', endTime: '11:00' },
      },
    });
    expect(bad.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'input.schedule.weekdays' })],
    });
    const zone = await hush.gql(CREATE_PERIOD, {
      m,
      i: {
        maintenanceType: 'DISABLE_MONITORING',
        schedule: { recurrence: 'DAILY', timeZone: 'Mars/Olympus', startDate: '2026-06-01', startTime: '10:00', endTime: '11:00' },
      },
    });
    expect(zone.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ path: 'input.schedule.timeZone' })],
    });
    const viewer = await hush.token('VIEWER');
    expect(codes(await hush.gql(CREATE_MONITOR, { i: { name: 'nope' } }, viewer))).toEqual(['FORBIDDEN']);
    expect((await hush.ok(STATE, { id: m }, viewer)).monitor.state.monitoringEnabled).toBe(true);
  });

  it('lists 100 monitors with periods, groups and state in a constant number of statements', async () => {
    const { createMonitorGroup: g } = await hush.ok('mutation { createMonitorGroup(input: { name: "bulk" }) { id } }');
    for (let i = 0; i < 100; i++) {
      const id = await monitor({ name: `bulk ${String(i).padStart(3, '0')}`, groupIds: [g.id] });
      await period(id, { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-06-01', startTime: '13:00', endTime: '15:00' });
    }
    const q = `query($first: Int) { monitors(filter: { groupId: "${g.id}" }, first: $first) { nodes { name groups { name } state { notificationsEnabled reasons { id } }
      maintenancePeriods { status schedule { timeZone } monitor { id } group { id } } } } }`;
    const counter = hush.app.get(QueryCounter);
    const measure = async (first: number) => {
      const before = counter.count;
      const data = await hush.ok(q, { first });
      return { statements: counter.count - before, nodes: data.monitors.nodes.length };
    };
    const small = await measure(25);
    const large = await measure(100);
    expect(large.nodes).toBe(100);
    expect(large.statements).toBe(small.statements);
  });
});
