import { codes, TestHush } from '../../support/hush';
import { createMaintenance, MAINTENANCE_FIELDS, seedInventory } from './fixtures';

describe('provider maintenance workflow', () => {
  let hush: TestHush;
  let inv: Awaited<ReturnType<typeof seedInventory>>;
  beforeAll(async () => {
    hush = await TestHush.start();
    inv = await seedInventory(hush);
    // Starting a Hush migrates its own database: slow on a busy machine.
  }, 120_000);
  afterAll(() => hush.close());

  const act = (action: string, id: string) => hush.gql(`mutation($id: ID!) { ${action}(id: $id) { status acknowledged } }`, { id });

  it('runs the quick actions with their guards', async () => {
    const m = await createMaintenance(hush, { providerId: inv.provider, status: 'CONFIRMED' });
    expect((await act('acknowledgeMaintenance', m.id)).data!.acknowledgeMaintenance).toEqual({ status: 'CONFIRMED', acknowledged: true });
    expect((await act('acknowledgeMaintenance', m.id)).data!.acknowledgeMaintenance).toEqual({ status: 'CONFIRMED', acknowledged: true });
    expect((await act('markMaintenanceInProgress', m.id)).data!.markMaintenanceInProgress.status).toBe('IN_PROCESS');
    expect((await act('markMaintenanceCompleted', m.id)).data!.markMaintenanceCompleted.status).toBe('COMPLETED');
    expect((await act('markMaintenanceCompleted', m.id)).data!.markMaintenanceCompleted.status).toBe('COMPLETED'); // no-op
    const again = await act('markMaintenanceInProgress', m.id);
    expect(again.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'IN_PROCESS' });
    expect((await act('cancelMaintenance', m.id)).errors![0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'COMPLETED',
      to: 'CANCELLED',
    });
  });

  it('refuses to complete or restart a cancelled maintenance', async () => {
    const m = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    expect((await act('cancelMaintenance', m.id)).data!.cancelMaintenance.status).toBe('CANCELLED');
    expect(codes(await act('cancelMaintenance', m.id))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await act('markMaintenanceCompleted', m.id))).toEqual(['INVALID_TRANSITION']);
    expect(codes(await act('markMaintenanceInProgress', m.id))).toEqual(['INVALID_TRANSITION']);
  });

  it('lets updateMaintenance change status only along the workflow', async () => {
    const m = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    const update = (status: string) =>
      hush.gql(`mutation($id: ID!, $s: MaintenanceStatus) { updateMaintenance(id: $id, input: { status: $s }) { status } }`, {
        id: m.id,
        s: status,
      });
    expect((await update('CONFIRMED')).data!.updateMaintenance.status).toBe('CONFIRMED');
    expect((await update('RE_SCHEDULED')).errors![0].extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'CONFIRMED',
      to: 'RE_SCHEDULED',
    });
    expect((await update('TENTATIVE')).errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('reschedules: a TENTATIVE copy, not yet acknowledged, replaces the original, which becomes RE_SCHEDULED', async () => {
    const m = await createMaintenance(hush, {
      providerId: inv.provider,
      status: 'CONFIRMED',
      internalTicket: 'CHG-7',
      originalTimeZone: 'Europe/Berlin',
      acknowledged: true,
    });
    expect(m.acknowledged).toBe(true);
    await hush.ok(
      'mutation($id: ID!, $t: ID!) { addImpact(maintenanceId: $id, input: { target: { type: CIRCUIT, id: $t }, level: OUTAGE }) { id } }',
      { id: m.id, t: inv.c1 },
    );
    const { rescheduleMaintenance: copy } = await hush.ok(
      `mutation($id: ID!) { rescheduleMaintenance(id: $id, input: { startsAt: "2026-06-12T01:00:00Z", endsAt: "2026-06-12T05:00:00Z" }) {
        ${MAINTENANCE_FIELDS} internalTicket originalTimeZone impacts { level target { type id name } } } }`,
      { id: m.id },
    );
    expect(copy).toMatchObject({
      name: 'WO-1',
      status: 'TENTATIVE',
      // The new window is news: the NOC acknowledges it again.
      acknowledged: false,
      startsAt: '2026-06-12T01:00:00.000Z',
      internalTicket: 'CHG-7',
      originalTimeZone: 'Europe/Berlin',
      replaces: { id: m.id },
      impacts: [{ level: 'OUTAGE', target: { type: 'CIRCUIT', id: inv.c1, name: 'ETX-1001' } }],
    });
    const { maintenance } = await hush.ok(
      `query($id: ID!) { maintenance(id: $id) { ${MAINTENANCE_FIELDS} timeline { action status changes } } }`,
      { id: m.id },
    );
    expect(maintenance.status).toBe('RE_SCHEDULED');
    expect(maintenance.replacedBy).toEqual({ id: copy.id });
    expect(maintenance.timeline[0]).toMatchObject({
      action: 'TRANSITION',
      status: 'RE_SCHEDULED',
      changes: { status: { before: 'CONFIRMED', after: 'RE_SCHEDULED' } },
    });
    const found = await hush.ok('query($id: ID!) { maintenances(filter: { replacesId: $id }) { nodes { id } } }', { id: m.id });
    expect(found.maintenances.nodes).toEqual([{ id: copy.id }]);
  });

  it('moves the original to RE_SCHEDULED on a plain create with replacesId too', async () => {
    const original = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    await createMaintenance(hush, { providerId: inv.provider, replacesId: original.id, name: 'WO-1b' });
    expect((await hush.ok('query($id: ID!) { maintenance(id: $id) { status } }', { id: original.id })).maintenance.status).toBe(
      'RE_SCHEDULED',
    );
  });

  it('leaves the original untouched when the replacement fails after the transition ran', async () => {
    const original = await createMaintenance(hush, { providerId: inv.provider, status: 'CONFIRMED' });
    // The replacement's own changelog entry is written after the subscriber moved the original: fail there.
    await hush.sql(`CREATE FUNCTION test_refuse_wo2() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'CREATE' AND NEW.changes->'name'->>'after' = 'WO-2-fails' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$`);
    await hush.sql(`CREATE TRIGGER test_refuse_wo2 BEFORE INSERT ON change_log_entry FOR EACH ROW EXECUTE FUNCTION test_refuse_wo2()`);
    try {
      const res = await hush.gql(
        `mutation($id: ID!) { rescheduleMaintenance(id: $id, input: { name: "WO-2-fails", startsAt: "2026-07-01T00:00:00Z", endsAt: "2026-07-01T01:00:00Z" }) { id } }`,
        { id: original.id },
      );
      expect(codes(res)).toEqual(['INTERNAL_SERVER_ERROR']);
    } finally {
      await hush.sql('DROP TRIGGER test_refuse_wo2 ON change_log_entry');
      await hush.sql('DROP FUNCTION test_refuse_wo2()');
    }
    const { maintenance } = await hush.ok('query($id: ID!) { maintenance(id: $id) { status replacedBy { id } timeline { action } } }', {
      id: original.id,
    });
    expect(maintenance).toEqual({ status: 'CONFIRMED', replacedBy: null, timeline: [{ action: 'CREATE' }] });
  });

  it('refuses replacing a completed maintenance', async () => {
    const done = await createMaintenance(hush, { providerId: inv.provider, status: 'CONFIRMED' });
    await act('markMaintenanceInProgress', done.id);
    await act('markMaintenanceCompleted', done.id);
    const res = await hush.gql(
      `mutation($id: ID!) { rescheduleMaintenance(id: $id, input: { startsAt: "2026-07-01T00:00:00Z", endsAt: "2026-07-01T01:00:00Z" }) { id } }`,
      {
        id: done.id,
      },
    );
    expect(res.errors![0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'RE_SCHEDULED' });
  });

  it('validates the window, provider and zone', async () => {
    const res = await hush.gql(`mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { id } }`, {
      i: {
        name: 'x',
        summary: 'y',
        providerId: '00000000-0000-4000-8000-000000000000',
        startsAt: '2026-06-10T05:00:00Z',
        endsAt: '2026-06-10T01:00:00Z',
      },
    });
    expect(res.errors![0].extensions!.fields.map((f: { path: string }) => f.path).sort()).toEqual(['input.endsAt', 'input.providerId']);
    const long = await hush.gql(`mutation($i: CreateMaintenanceInput!) { createMaintenance(input: $i) { id } }`, {
      i: {
        name: 'x'.repeat(101),
        summary: 'y',
        providerId: inv.provider,
        startsAt: '2026-06-10T01:00:00Z',
        endsAt: '2026-06-10T01:00:00Z',
      },
    });
    expect(long.errors![0].extensions!.fields).toEqual([{ path: 'input.name', message: expect.any(String) }]);
  });

  it('shows times in the original zone and says when it differs from the viewer', async () => {
    const m = await createMaintenance(hush, {
      providerId: inv.provider,
      originalTimeZone: 'America/New_York',
      startsAt: '2026-03-08T06:30:00Z',
      endsAt: '2026-03-08T08:00:00Z',
    });
    const q = `query($id: ID!) { maintenance(id: $id) { startsAtInOriginalTimeZone endsAtInOriginalTimeZone
      utc: hasTimeZoneDifference ny: hasTimeZoneDifference(viewerTimeZone: "America/New_York") toronto: hasTimeZoneDifference(viewerTimeZone: "America/Toronto") } }`;
    expect((await hush.ok(q, { id: m.id })).maintenance).toEqual({
      startsAtInOriginalTimeZone: '2026-03-08T01:30:00-05:00',
      endsAtInOriginalTimeZone: '2026-03-08T04:00:00-04:00', // after the spring-forward jump
      utc: true,
      ny: false,
      toronto: false,
    });
    const plain = await createMaintenance(hush, { providerId: inv.provider });
    expect((await hush.ok(q, { id: plain.id })).maintenance).toMatchObject({
      startsAtInOriginalTimeZone: '2026-06-10T01:00:00Z',
      utc: false,
    });
  });
});
