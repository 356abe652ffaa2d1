import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from 'graphql-ws';
import { cloneTestDatabase } from '../support/database';
import { requestInFlight } from '../support/held-request';
import { ADMIN_SECRET, builtMain, HushProcess } from '../support/hush-process';
import { wsClient } from '../support/ws';

/** Long enough for a loaded CI machine; the test checks that Hush is gone well within it. */
const GRACE_MS = 15_000;
const CREATE = 'mutation($input: CreateMonitorInput!) { createMonitor(input: $input) { id name } }';

/** Resolves with the error code of a new TCP connection to `url`, or 'connected'. */
function connectTo(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe(`SIGTERM (${process.env.DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite'})`, () => {
  let main: string;
  let store: Record<string, string>;
  let cleanUp: () => Promise<void>;
  let hush: HushProcess | undefined;
  let ws: Client | undefined;

  beforeAll(async () => {
    main = await builtMain();
    const database = await cloneTestDatabase();
    if (database) {
      store = { DATABASE_URL: database.url };
      cleanUp = database.drop;
    } else {
      const dataDir = mkdtempSync(join(tmpdir(), 'hush-shutdown-'));
      store = { HUSH_DATA_DIR: dataDir };
      cleanUp = async () => rmSync(dataDir, { recursive: true, force: true });
    }
  }, 300_000);

  afterAll(async () => {
    await ws?.dispose();
    await hush?.stop();
    await cleanUp?.();
  });

  it('finishes the request in flight (200), refuses new connections, closes subscriptions with 1001 and exits 0 within the grace period', async () => {
    hush = await HushProcess.start(main, store, { HUSH_SHUTDOWN_GRACE_MS: String(GRACE_MS), LOG_LEVEL: 'info' });
    const running = hush;

    // A live subscription.
    ws = wsClient(running.url, { authorization: `Bearer ${ADMIN_SECRET}` });
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      ws!.on('closed', (event) => resolve(event as { code: number; reason: string })),
    );
    const subscription = new Promise<void>((resolve) => {
      ws!.subscribe(
        { query: 'subscription { changeLogged { objectId } }' },
        { next: () => undefined, error: () => resolve(), complete: resolve },
      );
    });
    await new Promise<void>((resolve) => ws!.on('connected', () => resolve()));

    // A mutation in flight: Hush has its headers, not yet its body.
    const inFlight = await requestInFlight(running.url, JSON.stringify({ query: CREATE, variables: { input: { name: 'in flight' } } }));

    const signalled = Date.now();
    running.kill('SIGTERM');

    expect(await closed).toMatchObject({ code: 1001 });
    await subscription;
    expect(await connectTo(running.url)).toBe('ECONNREFUSED');

    const response = await inFlight.send();
    expect(response.status).toBe(200);
    const created = (JSON.parse(response.body) as { data: { createMonitor: { id: string; name: string } } }).data.createMonitor;
    expect(created.name).toBe('in flight');
    expect(response.headers.connection).toBe('close');

    const exit = await running.exited;
    // The log shows up only when the exit is wrong.
    expect({ exit, log: exit.code === 0 ? '' : running.log }).toEqual({ exit: { code: 0, signal: null }, log: '' });
    expect(Date.now() - signalled).toBeLessThan(GRACE_MS);
    expect(running.log).toMatch(/SIGTERM: shutting down/);
    expect(running.log).toMatch(/stopped in \d+ ms/);

    // The store was closed cleanly: it opens again, with the write that finished during shutdown.
    hush = await HushProcess.start(main, store);
    const { monitor } = await hush.ok<{ monitor: { name: string } }>('query($id: ID!) { monitor(id: $id) { name } }', { id: created.id });
    expect(monitor.name).toBe('in flight');
  }, 600_000);
});
