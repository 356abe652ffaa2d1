import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cloneTestDatabase } from '../support/database';
import { builtMain, HushProcess } from '../support/hush-process';

/**
 * Hush killed with SIGKILL in the middle of concurrent writes, again and
 * again, on the store this run uses (embedded PGlite on files without
 * DATABASE_URL, a fresh PostgreSQL database with it): after each restart the
 * store opens, and every write that was acknowledged is there.
 */
const KILLS = 2;
const WRITERS = 8;
/** Acknowledged creations per round before the kill; writes keep going until it lands. */
const ACKED_PER_ROUND = 25;

const CREATE = 'mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id name } }';
const PAGE = `query($after: String) {
  monitors(first: 500, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } }
}`;

interface Page {
  monitors: { nodes: { id: string; name: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function allMonitors(hush: HushProcess): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let after: string | null = null;
  for (;;) {
    const { monitors }: Page = await hush.ok<Page>(PAGE, { after });
    for (const m of monitors.nodes) found.set(m.id, m.name);
    if (!monitors.pageInfo.hasNextPage) return found;
    after = monitors.pageInfo.endCursor;
  }
}

/**
 * `WRITERS` loops creating monitors one after another until the process dies.
 * `acked` gets each creation as its response arrives; `enough` resolves once
 * `count` were acknowledged; `done` once every loop has seen the process gone.
 */
function writeUntilKilled(hush: HushProcess, round: number, acked: Map<string, string>, count: number) {
  let mine = 0;
  let reached!: () => void;
  const enough = new Promise<void>((resolve) => (reached = resolve));
  const failures: string[] = [];
  const loop = async (writer: number) => {
    for (let i = 0; ; i++) {
      const name = `round ${round} writer ${writer} #${i}`;
      let res: Awaited<ReturnType<HushProcess['gql']>>;
      try {
        res = await hush.gql<{ createMonitor: { id: string; name: string } }>(CREATE, { input: { name } });
      } catch {
        return; // the connection died with the process: this write was never acknowledged
      }
      const created = (res.data as { createMonitor?: { id: string; name: string } } | undefined)?.createMonitor;
      if (!created) {
        failures.push(JSON.stringify(res.errors));
        reached();
        return;
      }
      acked.set(created.id, created.name);
      if (++mine === count) reached();
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => loop(w))).then(() => failures);
  return { enough, done };
}

describe(`Hush killed with SIGKILL during writes (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  let main: string;
  let store: Record<string, string>;
  let cleanUp: () => Promise<void>;
  let hush: HushProcess | undefined;

  beforeAll(async () => {
    main = await builtMain();
    const database = await cloneTestDatabase();
    if (database) {
      store = { DATABASE_URL: database.url };
      cleanUp = database.drop;
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'hush-crash-'));
      store = { HUSH_DATA_DIR: dataDir };
      cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  afterAll(async () => {
    await hush?.stop();
    await cleanUp?.();
  });

  it(`keeps every acknowledged write across ${KILLS} kills, and the store opens each time`, async () => {
    const acked = new Map<string, string>();
    hush = await HushProcess.start(main, store);
    for (let round = 1; round <= KILLS; round++) {
      const writes = writeUntilKilled(hush, round, acked, ACKED_PER_ROUND);
      await writes.enough;
      hush.kill('SIGKILL');
      const failures = await writes.done;
      expect(failures).toEqual([]);
      expect(await hush.exited).toEqual({ code: null, signal: 'SIGKILL' });

      // The same store again: it opens, holds every acknowledged write as it was acknowledged, and takes new ones.
      hush = await HushProcess.start(main, store);
      const found = await allMonitors(hush);
      const missing = [...acked].filter(([id, name]) => found.get(id) !== name);
      expect(missing).toEqual([]);
      expect(acked.size).toBeGreaterThanOrEqual(round * ACKED_PER_ROUND);
    }
    await hush.ok(CREATE, { input: { name: 'after the last restart' } });

    // And after all that, it still stops cleanly.
    hush.kill('SIGTERM');
    expect(await hush.exited).toEqual({ code: 0, signal: null });
  }, 600_000);
});
