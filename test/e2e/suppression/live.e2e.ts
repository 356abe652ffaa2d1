import { DataSource } from 'typeorm';
import { WindowTransitionWorker } from '../../../src/suppression/window-transition.worker';
import { ADMIN_SECRET, TestHush } from '../../support/hush';
import { changeListeners, collect, transitionListeners, wsClient } from '../../support/ws';
import { createMaintenance, seedInventory } from '../provider-maintenance/fixtures';
import { CREATE_WINDOW, seedService } from '../services/fixtures';

const TRANSITIONS = `subscription($sources: [SuppressionSource!], $serviceIds: [ID!]) {
  windowTransitions(sources: $sources, serviceIds: $serviceIds) { kind at source id name occurrence { start end } targets { type id } } }`;
const CHANGED = `subscription($id: ID) {
  maintenanceChanged(id: $id) { change { action status changes } maintenance { id status } } }`;

describe('live transitions and maintenance changes', () => {
  let hush: TestHush;
  let client: ReturnType<typeof wsClient>;
  let inv: Awaited<ReturnType<typeof seedInventory>>;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
    inv = await seedInventory(hush);
    client = wsClient(hush.url, { authorization: `Bearer ${await hush.token('VIEWER')}` });
  });
  afterAll(async () => {
    await client.dispose();
    await hush.close();
  });

  const tickAt = async (at: string) => {
    hush.clock.set(at);
    return hush.app.get(WindowTransitionWorker).tick();
  };

  it('delivers each STARTED and ENDED on a pinned clock, including an occurrence a change ends early', async () => {
    const { serviceId } = await seedService(hush, 'Live');
    const window = (
      await hush.ok(CREATE_WINDOW, {
        i: { startsAt: '2026-06-01T12:30:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId], description: 'DB upgrade' },
      })
    ).createMaintenanceWindow;
    const work = await createMaintenance(hush, {
      providerId: inv.provider,
      status: 'CONFIRMED',
      startsAt: '2026-06-01T12:40:00Z',
      endsAt: '2026-06-01T14:00:00Z',
    });
    await hush.ok(
      'mutation($m: ID!, $s: ID!) { addImpact(maintenanceId: $m, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
      {
        m: work.id,
        s: serviceId,
      },
    );
    // An unrelated service's window, which the service filter must leave out.
    const other = await seedService(hush, 'Elsewhere');
    await hush.ok(CREATE_WINDOW, {
      i: { startsAt: '2026-06-01T12:30:00Z', endsAt: '2026-06-01T12:31:00Z', serviceIds: [other.serviceId] },
    });

    const all = collect(client, TRANSITIONS, { serviceIds: [serviceId] }, 4);
    const providerOnly = collect(client, TRANSITIONS, { sources: ['PROVIDER_MAINTENANCE'], serviceIds: [serviceId] }, 2);
    await transitionListeners(hush, 2);

    expect(await tickAt('2026-06-01T12:29:59Z')).toBe(0);
    await tickAt('2026-06-01T12:30:00Z');
    await tickAt('2026-06-01T12:45:00Z'); // the maintenance began at 12:40, between two ticks
    await hush.ok('mutation($id: ID!) { cancelMaintenance(id: $id) { status } }', { id: work.id });
    await tickAt('2026-06-01T12:46:00Z'); // cancelled: no longer in effect, so it ended now
    await tickAt('2026-06-01T13:00:00Z');

    const target = [{ type: 'SERVICE', id: serviceId }];
    expect((await all.done).map((d) => d.windowTransitions)).toEqual([
      {
        kind: 'STARTED',
        at: '2026-06-01T12:30:00.000Z',
        source: 'SERVICE_WINDOW',
        id: window.id,
        name: 'DB upgrade',
        occurrence: { start: '2026-06-01T12:30:00.000Z', end: '2026-06-01T13:00:00.000Z' },
        targets: target,
      },
      expect.objectContaining({
        kind: 'STARTED',
        at: '2026-06-01T12:40:00.000Z',
        source: 'PROVIDER_MAINTENANCE',
        id: work.id,
        targets: target,
      }),
      expect.objectContaining({
        kind: 'ENDED',
        at: '2026-06-01T12:46:00.000Z',
        id: work.id,
        occurrence: { start: '2026-06-01T12:40:00.000Z', end: '2026-06-01T14:00:00.000Z' },
      }),
      expect.objectContaining({ kind: 'ENDED', at: '2026-06-01T13:00:00.000Z', source: 'SERVICE_WINDOW', id: window.id }),
    ]);
    expect((await providerOnly.done).map((d) => d.windowTransitions.kind)).toEqual(['STARTED', 'ENDED']);
    // Ticking again at the same instant announces nothing twice.
    expect(await tickAt('2026-06-01T13:00:00Z')).toBe(0);
  });

  it('announces each time an occurrence goes out of effect and back, and what a failed claim held back', async () => {
    const { serviceId } = await seedService(hush, 'Flapping');
    const work = await createMaintenance(hush, {
      providerId: inv.provider,
      status: 'CONFIRMED',
      startsAt: '2026-06-02T10:00:00Z',
      endsAt: '2026-06-02T12:00:00Z',
    });
    const impact = (
      await hush.ok(
        'mutation($m: ID!, $s: ID!) { addImpact(maintenanceId: $m, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
        { m: work.id, s: serviceId },
      )
    ).addImpact;
    const level = (l: string) =>
      hush.ok('mutation($id: ID!, $l: ImpactLevel!) { updateImpact(id: $id, input: { level: $l }) { id } }', { id: impact.id, l });
    const sub = collect(client, TRANSITIONS, { serviceIds: [serviceId] }, 4);
    await transitionListeners(hush, 1);
    await tickAt('2026-06-02T09:59:00Z');
    await tickAt('2026-06-02T10:05:00Z'); // STARTED at 10:00
    await level('NO_IMPACT');
    await tickAt('2026-06-02T10:10:00Z'); // ENDED now: it suppresses nothing
    await level('OUTAGE');
    // The database refuses the next claim once: what the tick saw is kept and claimed by the next one.
    const refused = jest.spyOn(hush.app.get(DataSource), 'query').mockRejectedValueOnce(new Error('connection lost'));
    hush.clock.set('2026-06-02T10:20:00Z');
    await expect(hush.app.get(WindowTransitionWorker).tick()).rejects.toThrow('connection lost');
    refused.mockRestore();
    await tickAt('2026-06-02T12:00:00Z'); // STARTED again at 10:20 (claimed late), then ENDED at the end
    expect((await sub.done).map((d) => `${d.windowTransitions.kind} ${d.windowTransitions.at.slice(11, 16)}`)).toEqual([
      'STARTED 10:00',
      'ENDED 10:10',
      'STARTED 10:20',
      'ENDED 12:00',
    ]);
    expect(await tickAt('2026-06-02T12:00:00Z')).toBe(0);
  });

  it('announces blackout and monitor period occurrences across a DST change in their zone', async () => {
    await tickAt('2026-10-24T12:00:00Z'); // catch up to here before the policy exists
    await hush.ok('mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id } }', {
      i: {
        name: 'Nightly Berlin',
        enabled: true,
        executionOrder: 1,
        selector: "class equals 'batch'",
        schedule: { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-10-24', startTime: '02:30', endTime: '03:30' },
      },
    });
    const sub = collect(client, TRANSITIONS, { sources: ['BLACKOUT_POLICY'] }, 4);
    await transitionListeners(hush, 1);
    await tickAt('2026-10-25T06:00:00Z'); // 25 Oct: Berlin falls back at 03:00 CEST
    await tickAt('2026-10-26T06:00:00Z');
    expect((await sub.done).map((d) => `${d.windowTransitions.kind} ${d.windowTransitions.at}`)).toEqual([
      'STARTED 2026-10-25T00:30:00.000Z', // 02:30 CEST
      'ENDED 2026-10-25T02:30:00.000Z', // 03:30 CET: the repeated hour makes this occurrence two hours long
      'STARTED 2026-10-26T01:30:00.000Z',
      'ENDED 2026-10-26T02:30:00.000Z',
    ]);
  });

  it('streams every change of a provider maintenance, status included, with the maintenance after it', async () => {
    const watched = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    const ignored = await createMaintenance(hush, { providerId: inv.provider, status: 'TENTATIVE' });
    const sub = collect(client, CHANGED, { id: watched.id }, 3);
    // The maintenance is read as each change is delivered: the delete waits until the updates were, or they would show it gone.
    const updates = collect(client, CHANGED, { id: watched.id }, 2);
    await changeListeners(hush, 2);
    await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { status: CONFIRMED }) { status } }', { id: ignored.id });
    await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { status: CONFIRMED }) { status } }', { id: watched.id });
    await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { internalTicket: "CHG-7" }) { id } }', { id: watched.id });
    await updates.done;
    await hush.ok('mutation($id: ID!) { deleteMaintenance(id: $id) { id } }', { id: watched.id });
    expect((await sub.done).map((d) => d.maintenanceChanged)).toEqual([
      {
        change: { action: 'TRANSITION', status: 'CONFIRMED', changes: { status: { before: 'TENTATIVE', after: 'CONFIRMED' } } },
        maintenance: { id: watched.id, status: 'CONFIRMED' },
      },
      {
        change: expect.objectContaining({ action: 'UPDATE', changes: { internalTicket: { before: '', after: 'CHG-7' } } }),
        maintenance: { id: watched.id, status: 'CONFIRMED' },
      },
      { change: expect.objectContaining({ action: 'DELETE' }), maintenance: null },
    ]);
  });

  it('refuses a maintenance id that is not a UUID, naming the argument', async () => {
    const admin = wsClient(hush.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    try {
      const sub = collect(admin, CHANGED, { id: 'nope' }, 1);
      await expect(sub.done).rejects.toMatchObject({
        errors: [
          expect.objectContaining({
            extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', fields: [{ path: 'id', message: 'must be a UUID' }] }),
          }),
        ],
      });
    } finally {
      await admin.dispose();
    }
  });

  it.each([
    ['windowTransitions', TRANSITIONS],
    ['maintenanceChanged', CHANGED],
  ])('closes a %s socket that brings no token', async (_name, query) => {
    const anonymous = wsClient(hush.url, {});
    try {
      await expect(collect(anonymous, query, {}, 1).done).rejects.toMatchObject({ code: 4403 });
    } finally {
      await anonymous.dispose();
    }
  });
});
