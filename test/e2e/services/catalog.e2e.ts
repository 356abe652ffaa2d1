import { codes, TestHush } from '../../support/hush';
import { CREATE_WINDOW, seedService } from './fixtures';

describe('users, escalation policies and services', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
  });
  afterAll(() => hush.close());

  it('keeps emails unique regardless of case', async () => {
    const make = (email: string) =>
      hush.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', { i: { name: 'Ann', email, timeZone: 'UTC' } });
    expect(codes(await make('ann@example.com'))).toEqual([]);
    const dup = await make('ANN@example.com');
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', path: 'input.email' });
  });

  it('validates users: email, time zone', async () => {
    const bad = await hush.gql('mutation { createUser(input: { name: "", email: "not-an-email", timeZone: "UTC" }) { id } }');
    expect(bad.errors![0].extensions!.fields.map((f: { path: string }) => f.path).sort()).toEqual(['input.email', 'input.name']);
    const zone = await hush.gql('mutation { createUser(input: { name: "Z", email: "z@example.com", timeZone: "Mars/Olympus" }) { id } }');
    expect(codes(zone)).toEqual(['BAD_USER_INPUT']);
    expect(zone.errors![0].extensions!.fields).toEqual([{ path: 'input.timeZone', message: expect.stringContaining('IANA time zone') }]);
  });

  it('stores rules in order with their targets, and replaces them on update', async () => {
    const { userId, policyId } = await seedService(hush, 'Rules');
    const { createUser: second } = await hush.ok('mutation { createUser(input: { name: "Bo", email: "bo@example.com" }) { id } }');
    await hush.ok('mutation($id: ID!, $i: UpdateEscalationPolicyInput!) { updateEscalationPolicy(id: $id, input: $i) { id } }', {
      id: policyId,
      i: {
        numLoops: 9,
        rules: [
          { delayMinutes: 5, targets: [{ id: second.id }] },
          { delayMinutes: 30, targets: [{ id: userId }, { id: second.id }] },
        ],
      },
    });
    const { escalationPolicy } = await hush.ok(
      'query($id: ID!) { escalationPolicy(id: $id) { numLoops rules { delayMinutes targets { type user { id } } } } }',
      { id: policyId },
    );
    expect(escalationPolicy).toEqual({
      numLoops: 9,
      rules: [
        { delayMinutes: 5, targets: [{ type: 'USER', user: { id: second.id } }] },
        {
          delayMinutes: 30,
          targets: [
            { type: 'USER', user: { id: userId } },
            { type: 'USER', user: { id: second.id } },
          ],
        },
      ],
    });
  });

  it('validates policies: loops 0–9, delay ≥ 1, known users, unique name', async () => {
    const { userId } = await seedService(hush, 'Policy checks');
    const bad = await hush.gql('mutation($i: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $i) { id } }', {
      i: { name: 'P', numLoops: 10, rules: [{ delayMinutes: 0, targets: [{ id: userId }] }] },
    });
    expect(bad.errors![0].extensions!.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'input.numLoops',
      'input.rules.0.delayMinutes',
    ]);
    const ghost = await hush.gql('mutation($i: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $i) { id } }', {
      i: { name: 'P', rules: [{ delayMinutes: 1, targets: [{ id: '00000000-0000-4000-8000-000000000000' }] }] },
    });
    expect(ghost.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.rules.0.targets.0.id' }] });
    const dup = await hush.gql('mutation($i: CreateEscalationPolicyInput!) { createEscalationPolicy(input: $i) { id } }', {
      i: { name: 'POLICY CHECKS policy', rules: [{ delayMinutes: 1, targets: [{ id: userId }] }] },
    });
    expect(dup.errors![0].extensions).toMatchObject({ code: 'CONFLICT', path: 'input.name' });
  });

  it('refuses to delete what is still referenced, naming the holder', async () => {
    const { userId, policyId, serviceId } = await seedService(hush, 'Held');
    const user = await hush.gql('mutation($id: ID!) { deleteUser(id: $id) { id } }', { id: userId });
    expect(user.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT', heldBy: [{ type: 'EscalationPolicy', id: policyId, name: 'Held policy' }] },
    });
    const policy = await hush.gql('mutation($id: ID!) { deleteEscalationPolicy(id: $id) { id } }', { id: policyId });
    expect(policy.errors![0]).toMatchObject({
      extensions: { code: 'CONFLICT', heldBy: [{ type: 'Service', id: serviceId, name: 'Held' }] },
    });
    const w = (
      await hush.ok(CREATE_WINDOW, { i: { startsAt: '2026-07-01T00:00:00Z', endsAt: '2026-07-02T00:00:00Z', serviceIds: [serviceId] } })
    ).createMaintenanceWindow;
    const service = await hush.gql('mutation($id: ID!) { deleteService(id: $id) { id } }', { id: serviceId });
    expect(service.errors![0]).toMatchObject({ extensions: { code: 'CONFLICT', heldBy: [{ type: 'MaintenanceWindow', id: w.id }] } });
  });

  it('updates services, checks the policy exists, and searches by text and maintenance', async () => {
    const { serviceId } = await seedService(hush, 'Inventory');
    const badPolicy = await hush.gql(
      'mutation($id: ID!) { updateService(id: $id, input: { escalationPolicyId: "00000000-0000-4000-8000-000000000000" }) { id } }',
      { id: serviceId },
    );
    expect(badPolicy.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.escalationPolicyId' }] });
    const updated = await hush.ok(
      'mutation($id: ID!) { updateService(id: $id, input: { description: "stock levels", status: DISABLED }) { description status } }',
      {
        id: serviceId,
      },
    );
    expect(updated.updateService).toEqual({ description: 'stock levels', status: 'DISABLED' });
    const found = await hush.ok('{ services(filter: { query: "STOCK" }) { nodes { name } } }');
    expect(found.services.nodes).toEqual([{ name: 'Inventory' }]);

    await hush.ok(CREATE_WINDOW, { i: { startsAt: '2026-06-01T11:00:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId] } });
    const inMaintenance = await hush.ok('{ services(filter: { inMaintenance: true }) { nodes { name inMaintenance } } }');
    expect(inMaintenance.services.nodes).toEqual([{ name: 'Inventory', inMaintenance: true }]);
    const notIn = await hush.ok('{ services(filter: { inMaintenance: false }) { nodes { name } } }');
    expect(notIn.services.nodes.map((n: { name: string }) => n.name)).not.toContain('Inventory');
  });

  it('records every write in the changelog', async () => {
    const { serviceId } = await seedService(hush, 'Audited');
    await hush.ok('mutation($id: ID!) { updateService(id: $id, input: { name: "Audited v2" }) { id } }', { id: serviceId });
    const log = await hush.ok('query($id: ID!) { changeLog(filter: { objectId: $id }) { nodes { action changes } } }', { id: serviceId });
    expect(log.changeLog.nodes.map((n: { action: string }) => n.action).sort()).toEqual(['CREATE', 'UPDATE']);
    expect(log.changeLog.nodes.find((n: { action: string }) => n.action === 'UPDATE').changes).toEqual({
      name: { before: 'Audited', after: 'Audited v2' },
    });
  });

  it('lets only ADMIN manage users, and VIEWER write nothing', async () => {
    const editor = await hush.token('EDITOR');
    const viewer = await hush.token('VIEWER');
    expect(codes(await hush.gql('mutation { createUser(input: { name: "E", email: "e@example.com" }) { id } }', {}, editor))).toEqual([
      'FORBIDDEN',
    ]);
    expect(
      codes(
        await hush.gql(
          'mutation { createService(input: { name: "V", escalationPolicyId: "00000000-0000-4000-8000-000000000000" }) { id } }',
          {},
          viewer,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
  });
});
