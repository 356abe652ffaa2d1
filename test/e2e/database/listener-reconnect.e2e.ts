import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { embeddedPostgres } from '../../../src/database/data-source-options';
import { NotificationBus } from '../../../src/database/notification-bus';
import { adminQuery } from '../../support/database';
import { codes, TestHush } from '../../support/hush';

const onPostgres = process.env.DATABASE_URL ? describe : describe.skip;

/** Cuts every connection to `hush`'s database: `pg_terminate_backend` on a server, the worker's socket on PGlite. */
async function terminateConnections(hush: TestHush) {
  const embedded = embeddedPostgres(hush.app.get(DataSource));
  if (embedded) return embedded.dropConnections();
  // As the brief for an operator would: from a connection to the database itself.
  const client = new Client({ connectionString: hush.databaseUrl });
  await client.connect();
  try {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
  } finally {
    await client.end();
  }
}

/** On a server: refuses (or allows again) connections to `hush`'s database, and cuts the open ones. */
async function allowConnections(hush: TestHush, allow: boolean) {
  const database = new URL(hush.databaseUrl!).pathname.slice(1);
  const base = process.env.DATABASE_URL!;
  await adminQuery(base, `ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS ${allow}`);
  if (!allow) await adminQuery(base, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
}

async function health(hush: TestHush) {
  const res = await fetch(`${hush.url}/health`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Healthy and hearing the others: 200 alone is not enough, a replica that does not listen still answers 200 unless strict. */
async function listeningAgain(hush: TestHush, what: string) {
  await eventually(what, 5000, async () => {
    const res = await health(hush);
    return res.status === 200 && res.body.listening === true ? true : undefined;
  });
}

async function eventually<T>(what: string, within: number, probe: () => Promise<T | undefined>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() - started > within) throw new Error(`${what}: not within ${within} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Listens on `channel`; then `next` resolves with the first payload. */
async function listenOn(bus: NotificationBus, channel: string): Promise<{ next: Promise<string> }> {
  let heard!: (payload: string) => void;
  const next = new Promise<string>((resolve) => (heard = resolve));
  await bus.listen(channel, (payload) => heard(payload));
  return { next };
}

describe('the listening connection', () => {
  let hush: TestHush;
  let bus: NotificationBus;
  beforeAll(async () => {
    // Strict: a replica that does not hear the others answers 503, so a balancer drops it meanwhile.
    hush = await TestHush.start({ env: { HUSH_HEALTH_STRICT: '1' } });
    bus = hush.app.get(NotificationBus);
  }, 120_000);
  afterAll(() => hush.close());

  it('is reopened after every connection was cut, hears notifications again, and onResync handlers run', async () => {
    expect(bus.listening).toBe(true);
    const before = await listenOn(bus, 'hush_test_before');
    let resyncs = 0;
    const resynced = new Promise<void>((resolve) =>
      bus.onResync(() => {
        resyncs++;
        resolve();
      }),
    );
    const stop = bus.onResync(() => {
      throw new Error('an unsubscribed handler ran');
    });
    stop();

    await terminateConnections(hush);
    await resynced;
    expect(resyncs).toBe(1);
    expect(bus.listening).toBe(true);
    await listeningAgain(hush, 'healthy');

    // Channels listened on before the cut and after it both hear a notification committed through the pool.
    const after = await listenOn(bus, 'hush_test_after');
    await hush.sql(`SELECT pg_notify('hush_test_before', 'one'), pg_notify('hush_test_after', 'two')`);
    await expect(before.next).resolves.toBe('one');
    await expect(after.next).resolves.toBe('two');
    expect(resyncs).toBe(1);
  });

  it('reports degraded (503 when strict) while it cannot reconnect, and heals when the database takes connections again', async () => {
    const embedded = embeddedPostgres(hush.app.get(DataSource));
    const refuseMs = 1500;
    if (embedded) {
      await embedded.dropConnections(refuseMs);
    } else {
      await allowConnections(hush, false);
    }
    const down = await eventually('degraded', 2000, async () => {
      const res = await health(hush);
      return res.body.listening === false ? res : undefined;
    });
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('degraded');
    expect(bus.listening).toBe(false);

    if (!embedded) {
      await new Promise((r) => setTimeout(r, refuseMs));
      await allowConnections(hush, true);
    }
    // Backoff doubles to at most 5 s between attempts.
    const healed = await eventually('healed', 8000, async () => {
      const res = await health(hush);
      return res.status === 200 ? res : undefined;
    });
    // The database may still be `slow` to answer the probe on a busy machine; only `down` is unhealthy.
    expect(healed.body).toMatchObject({ status: 'ok', database: expect.stringMatching(/^(up|slow)$/), listening: true });
  });
});

onPostgres('two replicas after their connections were cut', () => {
  let a: TestHush;
  let b: TestHush;
  beforeAll(async () => {
    a = await TestHush.start();
    b = await TestHush.start({ shareDatabaseWith: a });
  }, 120_000);
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('a token revoked on one replica is refused by the other, which had it cached, once they listen again', async () => {
    const secret = await b.token('VIEWER', 'cached on a');

    await terminateConnections(a); // every connection to the database: b's too
    await listeningAgain(a, 'a listening again');
    await listeningAgain(b, 'b listening again');

    const { me } = await a.ok('{ me { id } }', {}, secret);
    // a trusts it from memory now: a revocation that notifies no one goes unseen.
    await a.sql('UPDATE api_token SET revoked_at = now() WHERE id = $1', [me.id]);
    expect(codes(await a.gql('{ me { id } }', {}, secret))).toEqual([]);
    await a.sql('UPDATE api_token SET revoked_at = NULL WHERE id = $1', [me.id]);

    await b.ok('mutation($id: ID!) { revokeApiToken(id: $id) { id } }', { id: me.id });
    await eventually('the revoked token refused on a', 1000, async () =>
      codes(await a.gql('{ me { id } }', {}, secret))[0] === 'UNAUTHENTICATED' ? true : undefined,
    );
  });
});
