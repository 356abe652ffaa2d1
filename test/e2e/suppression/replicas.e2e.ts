import { TestHush } from '../../support/hush';
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

  it('a window written on one replica is reflected on the other within a second, both ways', async () => {
    const { serviceId } = await seedService(a, 'Replicated');
    expect((await b.ok(DECIDE, { s: serviceId })).suppression.suppressed).toBe(false);
    const w = (
      await a.ok(CREATE_WINDOW, { i: { startsAt: '2026-06-01T11:00:00Z', endsAt: '2026-06-01T13:00:00Z', serviceIds: [serviceId] } })
    ).createMaintenanceWindow;
    await within(b, serviceId, true);
    expect((await b.ok(DECIDE, { s: serviceId })).suppression.reasons).toEqual([{ id: w.id }]);
    await b.ok('mutation($id: ID!) { deleteMaintenanceWindow(id: $id) { outcome } }', { id: w.id });
    await within(a, serviceId, false);
  });
});
