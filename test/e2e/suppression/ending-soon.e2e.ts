import { WindowTransitionWorker } from '../../../src/suppression/window-transition.worker';
import { TestHush } from '../../support/hush';
import { collect, transitionListeners, wsClient } from '../../support/ws';
import { createMaintenance, seedInventory } from '../provider-maintenance/fixtures';
import { CREATE_WINDOW, seedService } from '../services/fixtures';

const TRANSITIONS = `subscription($s: [ID!]) { windowTransitions(serviceIds: $s) { kind at source occurrence { end } } }`;
const UPDATE_WINDOW = 'mutation($id: ID!, $i: UpdateMaintenanceWindowInput!) { updateMaintenanceWindow(id: $id, input: $i) { endsAt } }';

describe('warning before the end, and ends moved while under way', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start({ now: '2026-06-01T11:50:00Z', env: { HUSH_ENDING_SOON_MINUTES: '15' } });
  });
  afterAll(() => hush.close());

  const tickAt = async (at: string) => {
    hush.clock.set(at);
    return hush.app.get(WindowTransitionWorker).tick();
  };

  it('sends ENDING_SOON once per occurrence, and EXTENDED or SHORTENED when its end moves, warning again before the new end', async () => {
    const { serviceId } = await seedService(hush, 'Warned');
    const window = (
      await hush.ok(CREATE_WINDOW, { i: { startsAt: '2026-06-01T12:00:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId] } })
    ).createMaintenanceWindow;
    const client = wsClient(hush.url, { authorization: `Bearer ${await hush.token('VIEWER')}` });
    try {
      const sub = collect(client, TRANSITIONS, { s: [serviceId] }, 7);
      await transitionListeners(hush, 1);
      await tickAt('2026-06-01T12:00:00Z');
      await tickAt('2026-06-01T12:45:00Z');
      await tickAt('2026-06-01T12:46:00Z'); // once
      await hush.ok(UPDATE_WINDOW, { id: window.id, i: { endsAt: '2026-06-01T13:30:00Z' } });
      await tickAt('2026-06-01T12:47:00Z');
      await tickAt('2026-06-01T13:15:00Z');
      hush.clock.set('2026-06-01T13:16:00Z');
      // Shortened to within the warning: SHORTENED, and a warning at once.
      await hush.ok(UPDATE_WINDOW, { id: window.id, i: { endsAt: '2026-06-01T13:20:00Z' } });
      await tickAt('2026-06-01T13:17:00Z');
      await tickAt('2026-06-01T13:20:00Z');
      expect((await sub.done).map((d) => d.windowTransitions)).toEqual([
        { kind: 'STARTED', at: '2026-06-01T12:00:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:00:00.000Z' } },
        { kind: 'ENDING_SOON', at: '2026-06-01T12:45:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:00:00.000Z' } },
        { kind: 'EXTENDED', at: '2026-06-01T12:47:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:30:00.000Z' } },
        { kind: 'ENDING_SOON', at: '2026-06-01T13:15:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:30:00.000Z' } },
        { kind: 'SHORTENED', at: '2026-06-01T13:17:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:20:00.000Z' } },
        { kind: 'ENDING_SOON', at: '2026-06-01T13:17:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:20:00.000Z' } },
        { kind: 'ENDED', at: '2026-06-01T13:20:00.000Z', source: 'SERVICE_WINDOW', occurrence: { end: '2026-06-01T13:20:00.000Z' } },
      ]);
    } finally {
      await client.dispose();
    }
  });

  it('announces a provider maintenance extended while under way', async () => {
    hush.clock.set('2026-06-02T09:00:00Z');
    const { serviceId } = await seedService(hush, 'Carrier');
    const inv = await seedInventory(hush);
    const work = await createMaintenance(hush, {
      providerId: inv.provider,
      status: 'CONFIRMED',
      startsAt: '2026-06-02T10:00:00Z',
      endsAt: '2026-06-02T11:00:00Z',
    });
    await hush.ok(
      'mutation($m: ID!, $s: ID!) { addImpact(maintenanceId: $m, input: { target: { type: SERVICE, id: $s }, level: OUTAGE }) { id } }',
      {
        m: work.id,
        s: serviceId,
      },
    );
    const client = wsClient(hush.url, { authorization: `Bearer ${await hush.token('VIEWER')}` });
    try {
      const sub = collect(client, TRANSITIONS, { s: [serviceId] }, 3);
      await transitionListeners(hush, 1);
      await tickAt('2026-06-02T10:00:00Z');
      await hush.ok('mutation($id: ID!) { updateMaintenance(id: $id, input: { endsAt: "2026-06-02T12:00:00Z" }) { endsAt } }', {
        id: work.id,
      });
      await tickAt('2026-06-02T10:30:00Z');
      await tickAt('2026-06-02T11:45:00Z');
      expect((await sub.done).map((d) => `${d.windowTransitions.kind} ${d.windowTransitions.at.slice(11, 16)}`)).toEqual([
        'STARTED 10:00',
        'EXTENDED 10:30',
        'ENDING_SOON 11:45',
      ]);
    } finally {
      await client.dispose();
    }
  });
});
