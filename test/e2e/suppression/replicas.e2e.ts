import { SuppressionEngine } from '../../../src/suppression/suppression-engine.service';
import { WindowTransitionWorker } from '../../../src/suppression/window-transition.worker';
import { ADMIN_SECRET, TestHush } from '../../support/hush';
import { waitFor } from '../../support/wait';
import { collect, transitionListeners, wsClient } from '../../support/ws';
import { CREATE_WINDOW, seedService } from '../services/fixtures';

/** Two replicas need one real Postgres; on embedded PGlite there is only ever one process. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('suppression index on two replicas', () => {
  let a: TestHush;
  let b: TestHush;
  beforeAll(async () => {
    a = await TestHush.start({ now: '2026-06-01T12:00:00Z' });
    b = await TestHush.start({ now: '2026-06-01T12:00:00Z', shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  const DECIDE = 'query($s: ID!) { suppression(target: { serviceId: $s }) { suppressed reasons { id } } }';

  /** Asks until the answer is `expected` or a second has passed; returns how long it took. */
  async function within(hush: TestHush, serviceId: string, expected: boolean): Promise<number> {
    const started = Date.now();
    while ((await hush.ok(DECIDE, { s: serviceId })).suppression.suppressed !== expected) {
      if (Date.now() - started > 1000) throw new Error(`replica did not see the change within a second`);
      await new Promise((r) => setTimeout(r, 10));
    }
    return Date.now() - started;
  }

  it('a window written on one replica is reflected on the other within a second, both ways, without a full reload', async () => {
    const { serviceId } = await seedService(a, 'Replicated');
    const loads = () => [a, b].map((h) => h.app.get(SuppressionEngine).status());
    const [beforeA, beforeB] = loads();
    expect((await b.ok(DECIDE, { s: serviceId })).suppression.suppressed).toBe(false);
    const w = (
      await a.ok(CREATE_WINDOW, { i: { startsAt: '2026-06-01T11:00:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId] } })
    ).createMaintenanceWindow;
    await within(b, serviceId, true);
    expect((await b.ok(DECIDE, { s: serviceId })).suppression.reasons).toEqual([{ id: w.id }]);
    await b.ok('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome } }', { id: w.id });
    await within(a, serviceId, false);
    // Each replica followed the changes by loading what they touched; neither loaded everything again.
    const [afterA, afterB] = loads();
    expect([afterA.fullLoads, afterB.fullLoads]).toEqual([beforeA.fullLoads, beforeB.fullLoads]);
    expect(afterA.followed).toBeGreaterThan(beforeA.followed);
    expect(afterB.followed).toBeGreaterThan(beforeB.followed);
  });

  it('announces each transition once, to the subscribers of every replica, with both replicas ticking', async () => {
    const { serviceId } = await seedService(a, 'Announced');
    const w = (
      await a.ok(CREATE_WINDOW, { i: { startsAt: '2026-06-01T12:30:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId] } })
    ).createMaintenanceWindow;
    // b hears of the window: its engine suppresses the service inside it.
    const inside = new Date('2026-06-01T12:45:00Z');
    await waitFor(() => b.app.get(SuppressionEngine).decide([{ serviceId }], inside)[0].suppressed, { what: 'b to hear of the window' });
    const query = 'subscription($s: [ID!]) { windowTransitions(serviceIds: $s) { kind at id } }';
    const clients = [
      wsClient(a.url, { authorization: `Bearer ${ADMIN_SECRET}` }),
      wsClient(b.url, { authorization: `Bearer ${ADMIN_SECRET}` }),
    ];
    try {
      const subs = clients.map((c) => collect(c, query, { s: [serviceId] }, 2));
      await transitionListeners(a, 1);
      await transitionListeners(b, 1);
      const tickBoth = async (at: string) => {
        a.clock.set(at);
        b.clock.set(at);
        return (await Promise.all([a.app.get(WindowTransitionWorker).tick(), b.app.get(WindowTransitionWorker).tick()])).reduce(
          (x, y) => x + y,
        );
      };
      expect(await tickBoth('2026-06-01T12:30:00Z')).toBe(1);
      expect(await tickBoth('2026-06-01T13:00:00Z')).toBe(1);
      // Two items each, so a duplicate STARTED would show in place of the ENDED.
      for (const sub of subs) {
        expect((await sub.done).map((d) => d.windowTransitions)).toEqual([
          { kind: 'STARTED', at: '2026-06-01T12:30:00.000Z', id: w.id },
          { kind: 'ENDED', at: '2026-06-01T13:00:00.000Z', id: w.id },
        ]);
      }
      expect(await a.sql('SELECT kind FROM window_transition WHERE source_id = $1 ORDER BY at', [w.id])).toEqual([
        { kind: 'STARTED' },
        { kind: 'ENDED' },
      ]);
    } finally {
      for (const c of clients) await c.dispose();
    }
  });
});
