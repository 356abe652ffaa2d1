import { codes, TestHush } from '../../support/hush';
import { seedService } from '../services/fixtures';
import { createMaintenance, seedInventory } from './fixtures';

const ADD_IMPACT =
  'mutation($m: ID!, $t: ImpactTargetType!, $id: ID!, $l: ImpactLevel!) { addImpact(maintenanceId: $m, input: { target: { type: $t, id: $id }, level: $l }) { id level target { type id name } } }';

describe('impacts, notifications, filters, timeline', () => {
  let hush: TestHush;
  let inv: Awaited<ReturnType<typeof seedInventory>>;
  beforeAll(async () => {
    hush = await TestHush.start();
    inv = await seedInventory(hush);
    // Starting a Hush migrates its own database: slow on a busy machine.
  }, 120_000);
  afterAll(() => hush.close());

  it('adds, updates and removes impacts on every kind of target, then freezes them', async () => {
    const { serviceId } = await seedService(hush, 'Edge');
    const m = await createMaintenance(hush, { providerId: inv.provider, status: 'CONFIRMED' });
    const circuit = (await hush.ok(ADD_IMPACT, { m: m.id, t: 'CIRCUIT', id: inv.c1, l: 'DEGRADED' })).addImpact;
    expect(circuit.target).toEqual({ type: 'CIRCUIT', id: inv.c1, name: 'ETX-1001' });
    const service = (await hush.ok(ADD_IMPACT, { m: m.id, t: 'SERVICE', id: serviceId, l: 'OUTAGE' })).addImpact;
    expect(service.target.name).toBe('Edge');
    await hush.ok(ADD_IMPACT, { m: m.id, t: 'SITE', id: inv.ams, l: 'NO_IMPACT' });
    await hush.ok(ADD_IMPACT, { m: m.id, t: 'LOCATION', id: inv.cage, l: 'REDUCED_REDUNDANCY' });

    const unknown = await hush.gql(ADD_IMPACT, { m: m.id, t: 'SERVICE', id: '00000000-0000-4000-8000-000000000000', l: 'OUTAGE' });
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.target.id' }] });
    expect(codes(await hush.gql(ADD_IMPACT, { m: m.id, t: 'CIRCUIT', id: inv.c1, l: 'OUTAGE' }))).toEqual(['CONFLICT']);

    expect(
      (await hush.ok('mutation($id: ID!) { updateImpact(id: $id, input: { level: OUTAGE }) { level } }', { id: circuit.id })).updateImpact
        .level,
    ).toBe('OUTAGE');
    await hush.ok('mutation($id: ID!) { removeImpact(id: $id) { id } }', { id: service.id });
    const { maintenance } = await hush.ok('query($id: ID!) { maintenance(id: $id) { impacts { target { type } } } }', { id: m.id });
    expect(maintenance.impacts.map((i: { target: { type: string } }) => i.target.type).sort()).toEqual(['CIRCUIT', 'LOCATION', 'SITE']);

    await hush.ok('mutation($id: ID!) { cancelMaintenance(id: $id) { status } }', { id: m.id });
    expect(codes(await hush.gql(ADD_IMPACT, { m: m.id, t: 'SERVICE', id: serviceId, l: 'OUTAGE' }))).toEqual(['IMPACTS_FROZEN']);
    expect(
      codes(await hush.gql('mutation($id: ID!) { updateImpact(id: $id, input: { level: NO_IMPACT }) { level } }', { id: circuit.id })),
    ).toEqual(['IMPACTS_FROZEN']);
    expect(codes(await hush.gql('mutation($id: ID!) { removeImpact(id: $id) { id } }', { id: circuit.id }))).toEqual(['IMPACTS_FROZEN']);
  });

  it('attaches notifications', async () => {
    const m = await createMaintenance(hush, { providerId: inv.provider });
    await hush.ok(
      'mutation($m: ID!) { attachNotification(maintenanceId: $m, input: { subject: "Planned work", sender: "noc@example.net", receivedAt: "2026-05-01T09:00:00Z", body: "Hello" }) { id } }',
      { m: m.id },
    );
    const { maintenance } = await hush.ok(
      'query($id: ID!) { maintenance(id: $id) { notifications { subject sender receivedAt body format } } }',
      { id: m.id },
    );
    expect(maintenance.notifications).toEqual([
      { subject: 'Planned work', sender: 'noc@example.net', receivedAt: '2026-05-01T09:00:00.000Z', body: 'Hello', format: 'TEXT' },
    ]);
  });

  it('filters by each criterion and by several together', async () => {
    const p2 = (await hush.ok('mutation { createProvider(input: { name: "Other", slug: "other" }) { id } }')).createProvider.id;
    const atFra = await createMaintenance(hush, {
      providerId: inv.provider,
      name: 'F-1',
      status: 'CONFIRMED',
      startsAt: '2026-09-01T00:00:00Z',
      endsAt: '2026-09-01T02:00:00Z',
      internalTicket: 'CHG-FRA',
    });
    await hush.ok(ADD_IMPACT, { m: atFra.id, t: 'CIRCUIT', id: inv.c1, l: 'OUTAGE' });
    const atAms = await createMaintenance(hush, {
      providerId: p2,
      name: 'A-1',
      status: 'TENTATIVE',
      startsAt: '2026-09-05T00:00:00Z',
      endsAt: '2026-09-05T02:00:00Z',
      impactDescription: 'Brief flap',
    });
    await hush.ok(ADD_IMPACT, { m: atAms.id, t: 'SITE', id: inv.ams, l: 'DEGRADED' });
    const inCage = await createMaintenance(hush, {
      providerId: inv.provider,
      name: 'C-1',
      startsAt: '2026-09-09T00:00:00Z',
      endsAt: '2026-09-09T02:00:00Z',
    });
    await hush.ok(ADD_IMPACT, { m: inCage.id, t: 'LOCATION', id: inv.cage, l: 'DEGRADED' });
    await hush.ok('mutation($id: ID!) { acknowledgeMaintenance(id: $id) { id } }', { id: atAms.id });

    const names = async (filter: Record<string, unknown>) =>
      (
        await hush.ok('query($f: MaintenanceFilter) { maintenances(filter: $f, first: 100) { nodes { name } } }', {
          f: { startsAfter: '2026-08-01T00:00:00Z', ...filter },
        })
      ).maintenances.nodes.map((n: { name: string }) => n.name);
    expect(await names({})).toEqual(['F-1', 'A-1', 'C-1']);
    expect(await names({ status: ['CONFIRMED'] })).toEqual(['F-1']);
    expect(await names({ providerId: p2 })).toEqual(['A-1']);
    expect(await names({ acknowledged: true })).toEqual(['A-1']);
    expect(await names({ startsBefore: '2026-09-05T00:00:00Z' })).toEqual(['F-1']);
    expect(await names({ endsAfter: '2026-09-05T02:00:00Z' })).toEqual(['A-1', 'C-1']);
    expect(await names({ endsBefore: '2026-09-05T02:00:00Z' })).toEqual(['F-1']);
    expect(await names({ siteId: inv.fra })).toEqual(['F-1', 'C-1']); // circuit ending there, location at it
    expect(await names({ siteId: inv.ams })).toEqual(['A-1']);
    expect(await names({ regionId: inv.germany })).toEqual(['F-1', 'C-1']);
    expect(await names({ regionId: inv.europe })).toEqual(['F-1', 'A-1', 'C-1']); // sub-regions count
    expect(await names({ locationId: inv.cage })).toEqual(['F-1', 'C-1']);
    expect(await names({ q: 'chg-fra' })).toEqual(['F-1']);
    expect(await names({ q: 'flap' })).toEqual(['A-1']);
    expect(await names({ hasReplaces: true })).toEqual([]);
    expect(await names({ siteId: inv.fra, status: ['TENTATIVE'] })).toEqual(['C-1']);
    expect(await names({ regionId: inv.europe, providerId: inv.provider, acknowledged: false })).toEqual(['F-1', 'C-1']);
  });

  it('keeps a timeline newest first with the status after each change, limited', async () => {
    const m = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    for (const [i, action] of ['acknowledgeMaintenance', 'markMaintenanceInProgress', 'markMaintenanceCompleted'].entries()) {
      hush.clock.advance(1000 * (i + 1));
      await hush.ok(`mutation($id: ID!) { ${action}(id: $id) { id } }`, { id: m.id });
    }
    const { maintenance } = await hush.ok(
      'query($id: ID!) { maintenance(id: $id) { all: timeline { action status } two: timeline(limit: 2) { status } } }',
      { id: m.id },
    );
    expect(maintenance.all).toEqual([
      { action: 'TRANSITION', status: 'COMPLETED' },
      { action: 'TRANSITION', status: 'IN_PROCESS' },
      { action: 'UPDATE', status: 'TENTATIVE' },
      { action: 'CREATE', status: 'TENTATIVE' },
    ]);
    expect(maintenance.two).toEqual([{ status: 'COMPLETED' }, { status: 'IN_PROCESS' }]);
  });

  it('manages inventory and refuses deleting what is still used', async () => {
    const dup = await hush.gql('mutation { createProvider(input: { name: "Dup", slug: "example-transit" }) { id } }');
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', path: 'input.slug' });
    const cycle = await hush.gql('mutation($id: ID!, $p: ID!) { updateRegion(id: $id, input: { parentId: $p }) { id } }', {
      id: inv.europe,
      p: inv.germany,
    });
    expect(cycle.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.parentId' }] });
    const held = await hush.gql('mutation($id: ID!) { deleteSite(id: $id) { id } }', { id: inv.fra });
    expect(held.errors![0].extensions!.code).toBe('CONFLICT');
    expect(held.errors![0].extensions!.heldBy.map((h: { type: string }) => h.type)).toEqual(
      expect.arrayContaining(['Location', 'Circuit']),
    );
    const { circuits } = await hush.ok(
      '{ circuits { nodes { cid provider { slug } site { name region { name parent { name } } } location { name } } } }',
    );
    expect(circuits.nodes[0]).toEqual({
      cid: 'ETX-1001',
      provider: { slug: 'example-transit' },
      site: { name: 'FRA1', region: { name: 'Germany', parent: { name: 'Europe' } } },
      location: { name: 'Cage 4' },
    });
    const wrongSite = await hush.gql(
      'mutation($p: ID!, $s: ID!, $l: ID!) { createCircuit(input: { providerId: $p, cid: "X", siteId: $s, locationId: $l }) { id } }',
      {
        p: inv.provider,
        s: inv.ams,
        l: inv.cage,
      },
    );
    expect(wrongSite.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.locationId' }] });
  });

  it('suppresses a service only while a maintenance impacting it is CONFIRMED / IN_PROCESS', async () => {
    const { serviceId } = await seedService(hush, 'Exported');
    const m = await createMaintenance(hush, {
      providerId: inv.provider,
      status: 'TENTATIVE',
      startsAt: '2026-10-01T00:00:00Z',
      endsAt: '2026-10-01T04:00:00Z',
    });
    await hush.ok(ADD_IMPACT, { m: m.id, t: 'SERVICE', id: serviceId, l: 'OUTAGE' });
    const ask = async (at = '2026-10-01T01:00:00Z') => {
      const { suppression } = await hush.ok<{ suppression: { reasons: { id: string }[] } }>(
        'query($s: ID!, $at: DateTime) { suppression(target: { serviceId: $s }, at: $at) { reasons { id } } }',
        { s: serviceId, at },
      );
      return suppression.reasons.map((r) => r.id);
    };
    expect(await ask()).toEqual([]); // TENTATIVE does not suppress
    await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { status: CONFIRMED }) { id } }', { id: m.id });
    expect(await ask()).toEqual([m.id]);
    expect(await ask('2026-10-01T04:00:00Z')).toEqual([]); // half-open
    await hush.ok('mutation($id: ID!) { markMaintenanceInProgress(id: $id) { id } }', { id: m.id });
    expect(await ask()).toEqual([m.id]);
    await hush.ok('mutation($id: ID!) { markMaintenanceCompleted(id: $id) { id } }', { id: m.id });
    expect(await ask()).toEqual([]);
  });
});
