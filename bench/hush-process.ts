import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The entry point `npm start` runs, built by `npm run build`. */
const MAIN = join(__dirname, '..', '..', '..', 'dist', 'src', 'main.js');
export const ADMIN_TOKEN = 'hush_load-admin-0123456789abcdef';

export interface Hush {
  url: string;
  pid: number;
  /** Warnings and errors Hush logged, alike lines counted together. */
  logged: Map<string, number>;
  stop(): Promise<void>;
}

/** A port nobody listens on right now: the OS picks one, and we give it back. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `node dist/src/main.js` as `npm start` would, with its own port and
 * an empty data folder, so each run begins from nothing. Without
 * `databaseUrl` the store is embedded PGlite in that folder.
 */
export async function startHush(databaseUrl?: string): Promise<Hush> {
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), 'hush-load-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HUSH_DATA_DIR: dataDir,
    HUSH_ADMIN_TOKEN: ADMIN_TOKEN,
    // Requests still queued when the load ends are cut after 2 s, well before stop()'s SIGKILL, so Hush exits by itself (and writes its --cpu-prof).
    HUSH_SHUTDOWN_GRACE_MS: '2000',
  };
  delete env.DATABASE_URL; // an inherited one would silently turn the embedded run into a Postgres run
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  // LOAD_NODE_ARGS='--cpu-prof --cpu-prof-dir=prof' profiles Hush under the load (node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.LOAD_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, MAIN], { env, stdio: ['ignore', 'pipe', 'pipe'] });

  const logged = new Map<string, number>();
  let ready = false;
  let tail = '';
  const read = (chunk: Buffer) => {
    const text = chunk.toString();
    if (!ready) tail = (tail + text).slice(-4000);
    for (const line of text.split('\n')) {
      // Timestamps and durations differ from line to line; drop digits so alike lines count together.
      if (/WARN|ERROR|FATAL|"level":[45]0/.test(line)) {
        const key = line
          .replace(/^\[[^\]]*\]\s*/, '')
          .replace(/\d+/g, '#')
          .slice(0, 200);
        logged.set(key, (logged.get(key) ?? 0) + 1);
      }
    }
  };
  child.stderr.on('data', read);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      read(chunk);
      if (!ready && tail.includes('Hush is serving')) {
        ready = true;
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`Hush exited with ${code} before serving:\n${tail}`)));
  });

  return {
    url: `http://127.0.0.1:${port}/graphql`,
    pid: child.pid!,
    logged,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One GraphQL request that must succeed: for seeding, where a failure means the benchmark is wrong. */
export async function gql<T = Record<string, unknown>>(hush: Hush, query: string, variables?: object): Promise<T> {
  const res = await fetch(hush.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: unknown[] };
  if (json.errors) throw new Error(`seeding failed: ${JSON.stringify(json.errors).slice(0, 500)}\n${query}`);
  return json.data!;
}
