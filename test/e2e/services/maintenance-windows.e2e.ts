import { codes, TestHush } from '../../support/hush';
import { CREATE_WINDOW, seedService } from './fixtures';

const NOW = '2026-06-01T12:00:00.000Z';
const days = (n: number) => new Date(Date.parse(NOW) + n * 86_400_000).toISOString();

describe('maintenance windows', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: NOW });
  });
  afterAll(() => hush.close());
  beforeEach(() => hush.clock.set(NOW));

  it('runs the reference flow: user → policy → service → window now..+730 days → read → update → delete ends it → clean up', async () => {
    const { userId, policyId, serviceId } = await seedService(hush, 'Maintenance Windows Testing Service');
    const created = (
      await hush.ok(CREATE_WINDOW, {
        i: { startsAt: NOW, endsAt: days(730), description: 'Upgrading to new software', serviceIds: [serviceId], requesterId: userId },
      })
    ).createMaintenanceWindow;
    expect(created).toMatchObject({
      startsAt: NOW,
      endsAt: days(730),
      state: 'ONGOING',
      services: [{ id: serviceId }],
      createdBy: { tokenName: 'admin (HUSH_ADMIN_TOKEN)', requester: { id: userId } },
    });
    const read = await hush.ok('query($id: ID!) { maintenanceWindow(id: $id) { description state } }', { id: created.id });
    expect(read.maintenanceWindow).toEqual({ description: 'Upgrading to new software', state: 'ONGOING' });

    const updated = await hush.ok(
      'mutation($id: ID!, $i: UpdateMaintenanceWindowInput!) { updateMaintenanceWindow(id: $id, input: $i) { description services { id } } }',
      {
        id: created.id,
        i: { description: 'Description goes here', serviceIds: [serviceId] },
      },
    );
    expect(updated.updateMaintenanceWindow).toEqual({ description: 'Description goes here', services: [{ id: serviceId }] });

    hush.clock.advance(60_000);
    const deleted = await hush.ok('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome window { endsAt state } } }', {
      id: created.id,
    });
    expect(deleted.deleteMaintenanceWindow).toEqual({ outcome: 'ENDED', window: { endsAt: '2026-06-01T12:01:00.000Z', state: 'PAST' } });

    await hush.ok('mutation($id: ID!) { deleteService(id: $id) { id } }', { id: serviceId });
    await hush.ok('mutation($id: ID!) { deleteEscalationPolicy(id: $id) { id } }', { id: policyId });
    await hush.ok('mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: userId });
    expect(codes(await hush.gql('query($id: ID!) { maintenanceWindow(id: $id) { id } }', { id: created.id }))).toEqual(['NOT_FOUND']);
  });

  it('deletes a future window outright and refuses to delete or update a past one', async () => {
    const { serviceId } = await seedService(hush, 'Search');
    const future = (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(1), endsAt: days(2), serviceIds: [serviceId] } }))
      .createMaintenanceWindow;
    const gone = await hush.ok('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome } }', { id: future.id });
    expect(gone.deleteMaintenanceWindow.outcome).toBe('DELETED');

    const soon = (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(1), endsAt: days(2), serviceIds: [serviceId] } }))
      .createMaintenanceWindow;
    hush.clock.set(days(3));
    const del = await hush.gql('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome } }', { id: soon.id });
    expect(codes(del)).toEqual(['CONFLICT']);
    const upd = await hush.gql('mutation($id: ID!) { updateMaintenanceWindow(id: $id, input: { description: "x" }) { id } }', {
      id: soon.id,
    });
    expect(codes(upd)).toEqual(['CONFLICT']);
  });

  it('keeps the start of an ongoing window but lets its end move, not into the past', async () => {
    const { serviceId } = await seedService(hush, 'Billing');
    const w = (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(-1), endsAt: days(1), serviceIds: [serviceId] } }))
      .createMaintenanceWindow;
    const move = await hush.gql('mutation($id: ID!, $s: DateTime) { updateMaintenanceWindow(id: $id, input: { startsAt: $s }) { id } }', {
      id: w.id,
      s: days(-2),
    });
    expect(codes(move)).toEqual(['CONFLICT']);
    const past = await hush.gql('mutation($id: ID!, $e: DateTime) { updateMaintenanceWindow(id: $id, input: { endsAt: $e }) { id } }', {
      id: w.id,
      e: days(-0.5),
    });
    expect(codes(past)).toEqual(['BAD_USER_INPUT']);
    expect(past.errors![0].extensions!.fields).toEqual([{ path: 'input.endsAt', message: 'must not be in the past' }]);
    const longer = await hush.ok(
      'mutation($id: ID!, $e: DateTime) { updateMaintenanceWindow(id: $id, input: { endsAt: $e }) { endsAt } }',
      { id: w.id, e: days(5) },
    );
    expect(longer.updateMaintenanceWindow.endsAt).toBe(days(5));
  });

  it('names the bad field of each invalid input', async () => {
    const { serviceId } = await seedService(hush, 'Auth');
    const endBeforeStart = await hush.gql(CREATE_WINDOW, { i: { startsAt: days(2), endsAt: days(1), serviceIds: [serviceId] } });
    expect(endBeforeStart.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.endsAt', message: 'must be after startsAt' }],
    });
    const unknown = await hush.gql(CREATE_WINDOW, {
      i: { startsAt: days(1), endsAt: days(2), serviceIds: [serviceId, '00000000-0000-4000-8000-000000000000'] },
    });
    expect(unknown.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.serviceIds.1', message: expect.stringContaining('no service') }],
    });
    const empty = await hush.gql(CREATE_WINDOW, { i: { startsAt: days(1), endsAt: days(2), serviceIds: [] } });
    expect(empty.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.serviceIds', message: 'needs at least one service' }],
    });

    const w = (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(1), endsAt: days(2), serviceIds: [serviceId] } }))
      .createMaintenanceWindow;
    const removeLast = await hush.gql('mutation($id: ID!) { updateMaintenanceWindow(id: $id, input: { serviceIds: [] }) { id } }', {
      id: w.id,
    });
    expect(removeLast.errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ path: 'input.serviceIds', message: expect.stringContaining('cannot be empty') }],
    });
    const rows = await hush.sql('SELECT count(*)::int AS n FROM maintenance_window_service WHERE window_id = $1', [w.id]);
    expect(rows[0].n).toBe(1);
  });

  it('supports overlapping windows on one service and one window on several services', async () => {
    const a = await seedService(hush, 'Overlap A');
    const b = await seedService(hush, 'Overlap B');
    const w1 = (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(10), endsAt: days(12), serviceIds: [a.serviceId] } }))
      .createMaintenanceWindow;
    const w2 = (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(11), endsAt: days(13), serviceIds: [a.serviceId, b.serviceId] } }))
      .createMaintenanceWindow;
    expect(w2.services.map((s: { id: string }) => s.id).sort()).toEqual([a.serviceId, b.serviceId].sort());

    const at = days(11.5);
    const q = `query($a: ID!, $b: ID!, $at: DateTime) { a: service(id: $a) { inMaintenance(at: $at) maintenanceWindows(state: FUTURE) { id } } b: service(id: $b) { inMaintenance(at: $at) } }`;
    const res = await hush.ok(q, { a: a.serviceId, b: b.serviceId, at });
    expect(res.a.inMaintenance).toBe(true);
    expect(res.a.maintenanceWindows.map((w: { id: string }) => w.id)).toEqual([w1.id, w2.id]);
    expect(res.b.inMaintenance).toBe(true);
    expect((await hush.ok(q, { a: a.serviceId, b: b.serviceId, at: days(12.5) })).a.inMaintenance).toBe(true);
    expect((await hush.ok(q, { a: a.serviceId, b: b.serviceId, at: days(13) })).a.inMaintenance).toBe(false); // half-open
  });

  it('filters by service, state and overlapping range, sorted by start, with pages', async () => {
    const { serviceId } = await seedService(hush, 'Filter');
    const made: string[] = [];
    for (const d of [30, 31, 32, 33, 34])
      made.push(
        (await hush.ok(CREATE_WINDOW, { i: { startsAt: days(d), endsAt: days(d + 0.5), serviceIds: [serviceId] } })).createMaintenanceWindow
          .id,
      );
    const q = `query($f: MaintenanceWindowFilter, $after: String) { maintenanceWindows(filter: $f, first: 2, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;
    const first = (await hush.ok(q, { f: { serviceIds: [serviceId], state: 'FUTURE' } })).maintenanceWindows;
    expect(first.totalCount).toBe(5);
    expect(first.nodes.map((n: { id: string }) => n.id)).toEqual(made.slice(0, 2));
    const second = (await hush.ok(q, { f: { serviceIds: [serviceId], state: 'FUTURE' }, after: first.pageInfo.endCursor }))
      .maintenanceWindows;
    expect(second.nodes.map((n: { id: string }) => n.id)).toEqual(made.slice(2, 4));

    const range = (await hush.ok(q, { f: { serviceIds: [serviceId], from: days(31.25), to: days(33) } })).maintenanceWindows;
    expect(range.nodes.map((n: { id: string }) => n.id)).toEqual([made[1], made[2]]); // [33, 33.5) starts at `to`: not overlapping
    const ongoing = (await hush.ok(q, { f: { serviceIds: [serviceId], state: 'ONGOING' } })).maintenanceWindows;
    expect(ongoing.totalCount).toBe(0);
  });

  it('answers range queries with the GiST index', async () => {
    await hush.sql('SET enable_seqscan = off');
    const plan = await hush.sql(
      `EXPLAIN SELECT id FROM maintenance_window w WHERE tstzrange(w.starts_at, w.ends_at, '[)') && tstzrange($1::timestamptz, $2::timestamptz, '[)')`,
      [days(1), days(2)],
    );
    await hush.sql('RESET enable_seqscan');
    expect(plan.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n')).toContain('IX_maintenance_window_range');
  });

  it('lets a VIEWER read but not write', async () => {
    const viewer = await hush.token('VIEWER');
    const { serviceId } = await seedService(hush, 'Viewer');
    const res = await hush.gql(CREATE_WINDOW, { i: { startsAt: days(1), endsAt: days(2), serviceIds: [serviceId] } }, viewer);
    expect(codes(res)).toEqual(['FORBIDDEN']);
    expect((await hush.ok('{ maintenanceWindows { totalCount } }', {}, viewer)).maintenanceWindows.totalCount).toBeGreaterThanOrEqual(0);
  });
});
