import { DataSource } from 'typeorm';
import { TestHush } from '../../support/hush';
import { waitFor } from '../../support/wait';

const PREVIEW = 'query($s: ScheduleInput!) { schedulePreview(schedule: $s, limit: 3) { start end } }';
const SCHEDULE = { recurrence: 'DAILY', timeZone: 'Europe/Berlin', startDate: '2026-03-01', startTime: '02:30', endTime: '03:30' };
const SLOW_SECONDS = 2;
/** What a request answered without the database may take while a slow statement runs. */
const BOUND_MS = 250;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

/** The longest the event loop went without running a 10 ms interval, until `stop`. */
function loopGaps() {
  let last = performance.now();
  let max = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(max, performance.now() - last);
    },
  };
}

/**
 * On either store a slow statement must not stall the process: on PGlite it
 * runs in the worker thread (in-process PGlite held the event loop for the
 * whole statement), and /health does not wait for it.
 */
describe('a slow statement', () => {
  let hush: TestHush;
  beforeAll(async () => {
    hush = await TestHush.start();
    // The token is trusted from memory after its first use; the preview needs no database.
    await hush.ok(PREVIEW, { s: SCHEDULE });
  }, 120_000);
  afterAll(() => hush.close());

  it('leaves /health, schedulePreview and the event loop answering while it runs', async () => {
    const gaps = loopGaps();
    const started = performance.now();
    // TypeORM logs a statement as it hands it to its connection: from then on it is under way.
    const logQuery = jest.spyOn(hush.app.get(DataSource).logger, 'logQuery');
    const slow = hush.sql(`SELECT pg_sleep(${SLOW_SECONDS})`).then(() => performance.now() - started);
    await waitFor(() => logQuery.mock.calls.some(([query]) => query.includes('pg_sleep')), { what: 'the slow statement to be sent' });
    logQuery.mockRestore();
    const asked = performance.now() - started;

    const health = await timed(async () => {
      const res = await fetch(`${hush.url}/health`);
      return { status: res.status, body: (await res.json()) as Record<string, string> };
    });
    const preview = await timed(() => hush.ok(PREVIEW, { s: SCHEDULE }));
    const answered = performance.now() - started;
    const slowMs = await slow;
    const maxGap = gaps.stop();

    expect(slowMs).toBeGreaterThanOrEqual(SLOW_SECONDS * 1000);
    // Asked and answered while the statement still ran, each within the bound.
    const prompt = asked < BOUND_MS && answered < slowMs && health.ms < BOUND_MS && preview.ms < BOUND_MS && maxGap < BOUND_MS;
    if (!prompt)
      throw new Error(`stalled (ms): ${JSON.stringify({ asked, health: health.ms, preview: preview.ms, answered, slowMs, maxGap })}`);
    expect(health.value.status).toBe(200);
    // On PGlite the probe waits behind the sleep (one session); on a server it has a connection of its own
    // (and is `up`, unless the machine is so busy that even `SELECT 1` takes over 50 ms).
    const database = process.env.DATABASE_URL ? /^(up|slow)$/ : /^slow$/;
    expect(health.value.body).toMatchObject({ status: 'ok', database: expect.stringMatching(database), listening: true });
    expect(preview.value.schedulePreview).toHaveLength(3);

    // Once the statement is done the probe answers again.
    const started2 = Date.now();
    for (;;) {
      const body = (await (await fetch(`${hush.url}/health`)).json()) as Record<string, unknown>;
      if (body.database === 'up') break;
      if (Date.now() - started2 > 5000) throw new Error(`the database is still ${String(body.database)} after the statement`);
      await new Promise((r) => setTimeout(r, 50));
    }
  });
});
