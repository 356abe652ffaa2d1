import { BlackoutWorker } from '../../../src/blackouts/blackout-worker';
import { TestHush } from '../../support/hush';

/** Two replicas need one real Postgres; on embedded PGlite there is only ever one process. */
const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

onPostgres('blackout actions with two replicas', () => {
  let a: TestHush;
  let b: TestHush;
  beforeAll(async () => {
    a = await TestHush.start({ now: '2026-06-01T09:00:00Z' });
    b = await TestHush.start({ now: '2026-06-01T09:00:00Z', shareDatabaseWith: a });
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('runs each start and end once, whichever replica ticks', async () => {
    const { createBlackoutPolicy } =
      await a.ok(`mutation { createBlackoutPolicy(input: { name: "shared", executionOrder: 1, enabled: true, selector: "class equals 'x'",
      blackoutExistingEvents: true, resetStatusOnBlackoutEnd: true,
      schedule: { recurrence: DAILY, timeZone: "UTC", startDate: "2026-06-01", startTime: "10:00", endTime: "11:00" } }) { id } }`);
    const events = (
      await b.ok('mutation { ingestEvents(events: [{ class: "x" }, { class: "x" }, { class: "y" }]) { id } }')
    ).ingestEvents.map((e: { id: string }) => e.id);
    for (const at of ['2026-06-01T10:00:00Z', '2026-06-01T11:00:00Z']) {
      a.clock.set(at);
      b.clock.set(at);
      const ran = await Promise.all([a.app.get(BlackoutWorker).tick(), b.app.get(BlackoutWorker).tick()]);
      expect(ran.reduce((x, y) => x + y, 0)).toBe(1);
    }
    const transitions = await a.sql('SELECT kind, events_changed FROM blackout_transition WHERE policy_id = $1 ORDER BY kind::text DESC', [
      createBlackoutPolicy.id,
    ]);
    expect(transitions).toEqual([
      { kind: 'START', events_changed: 2 },
      { kind: 'END', events_changed: 2 },
    ]);
    const log = await b.sql(`SELECT count(*)::int AS n FROM change_log_entry WHERE object_id = $1 AND action = 'TRANSITION'`, [
      createBlackoutPolicy.id,
    ]);
    expect(log[0].n).toBe(2);
    const statuses = await a.sql('SELECT status FROM event WHERE id = ANY($1) ORDER BY status', [events]);
    expect(statuses.map((r: { status: string }) => r.status)).toEqual(['OPEN', 'OPEN', 'OPEN']);
  });
});
