import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlackoutWorker } from '../../../src/blackouts/blackout-worker';
import { TestHush } from '../../support/hush';

const CREATE = `mutation($i: CreateBlackoutPolicyInput!) { createBlackoutPolicy(input: $i) { id } }`;
const INGEST = `mutation($e: [EventInput!]!) { ingestEvents(events: $e) { id status } }`;
const EVENTS = `query($ids: [ID!]) { blackoutEvents(filter: { ids: $ids }) { nodes { id status } } }`;
const RUNS = `query($id: ID!) { changeLog(filter: { objectId: $id }) { nodes { action changes } } }`;

/**
 * The only replica is down when a blackout starts: the one that comes back
 * runs the START it missed, by itself at start, and only once. On Postgres
 * the store outlives the replicas through a third instance that owns the
 * database and never ticks; on the embedded store, through a data folder.
 */
describe('a blackout start that falls while no replica runs', () => {
  let keeper: TestHush | undefined;
  let dataDir: string | undefined;
  const replica = (now: string, env: Record<string, string> = {}) =>
    TestHush.start({ now, shareDatabaseWith: keeper, env: { ...(dataDir ? { HUSH_DATA_DIR: dataDir } : {}), ...env } });

  beforeAll(async () => {
    if (process.env.DATABASE_URL) keeper = await TestHush.start();
    else dataDir = mkdtempSync(join(tmpdir(), 'hush-downtime-'));
  });
  afterAll(async () => {
    await keeper?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the missed START once when a replica comes back', async () => {
    const before = await replica('2026-06-01T09:00:00Z');
    const { id } = (
      await before.ok(CREATE, {
        i: {
          name: 'nightly batch',
          executionOrder: 1,
          enabled: true,
          blackoutExistingEvents: true,
          selector: "class equals 'batch'",
          schedule: { recurrence: 'DAILY', timeZone: 'UTC', startDate: '2026-06-01', startTime: '10:00', endTime: '12:00' },
        },
      })
    ).createBlackoutPolicy;
    const events = (await before.ok(INGEST, { e: [{ class: 'batch' }, { class: 'web' }] })).ingestEvents.map((e: { id: string }) => e.id);
    await before.close();

    // Back at 10:30, inside the occurrence whose start nobody saw; its worker catches up as it starts.
    const after = await replica('2026-06-01T10:30:00Z', { HUSH_BLACKOUT_TICK_MS: '3600000' });
    try {
      const statuses = async () =>
        (await after.ok(EVENTS, { ids: events })).blackoutEvents.nodes.map((e: { id: string; status: string }) => [e.id, e.status]);
      const ranAtStart = async () =>
        (await after.ok(RUNS, { id })).changeLog.nodes.filter((e: { action: string }) => e.action === 'TRANSITION').length;
      for (let i = 0; i < 50 && (await ranAtStart()) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      expect(new Map(await statuses())).toEqual(
        new Map([
          [events[0], 'BLACKOUT'],
          [events[1], 'OPEN'],
        ]),
      );
      expect(await after.app.get(BlackoutWorker).tick()).toBe(0); // already run: not again
      expect(await ranAtStart()).toBe(1);
    } finally {
      await after.close();
    }
  }, 120_000); // two starts of a store from its files
});
