import { PGlite } from '@electric-sql/pglite';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { PgliteWireServer } from '../pglite-wire-server';

/** The wire server in this thread, over one in-memory PGlite: how connections share its one session. */
describe('PgliteWireServer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hush-wire-'));
  let pglite: PGlite;
  let server: PgliteWireServer;
  const clients: Client[] = [];

  async function connect(): Promise<Client> {
    const client = new Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' });
    client.on('error', () => undefined);
    await client.connect();
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    pglite = await PGlite.create('memory://');
    server = new PgliteWireServer(pglite);
    await server.listen(join(dir, '.s.PGSQL.5432'));
    const setup = await connect();
    await setup.query('CREATE TABLE t (x int)');
  }, 180_000);

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.end().catch(() => undefined)));
    await pglite.query('DELETE FROM t');
  });

  afterAll(async () => {
    await server.close();
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sends a notification to the connections that LISTEN on its channel, not to the one that committed it', async () => {
    const [listener, other, writer] = [await connect(), await connect(), await connect()];
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(`listener ${n.channel} ${n.payload}`));
    other.on('notification', (n) => heard.push(`other ${n.channel} ${n.payload}`));
    writer.on('notification', (n) => heard.push(`writer ${n.channel} ${n.payload}`));
    await listener.query('LISTEN hush_a');
    await other.query('LISTEN "hush_b"');

    await writer.query('BEGIN');
    await writer.query("SELECT pg_notify('hush_a', 'one'), pg_notify('hush_b', 'two')");
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual([]); // not before the commit
    await writer.query('COMMIT');
    await writer.query("SELECT pg_notify('hush_a', 'three')");
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toEqual(['listener hush_a one', 'other hush_b two', 'listener hush_a three']);

    await listener.query('UNLISTEN *');
    await writer.query("SELECT pg_notify('hush_a', 'four')");
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).toHaveLength(3);
  });

  it("runs another connection's statements only once a transaction has ended; an idle connection holds nothing", async () => {
    const [a, b, idle] = [await connect(), await connect(), await connect()];
    await idle.query('LISTEN hush_idle'); // then stays idle throughout
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (1)');
    let seen: number | undefined;
    const counted = b.query('SELECT count(*)::int AS n FROM t').then((r) => (seen = r.rows[0].n as number));
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toBeUndefined();
    await a.query('INSERT INTO t VALUES (2)');
    await a.query('COMMIT');
    await counted;
    expect(seen).toBe(2);
  });

  it('rolls back the transaction of a connection that vanished, and lets the others go on', async () => {
    const [a, b] = [await connect(), await connect()];
    await a.query('BEGIN');
    await a.query('INSERT INTO t VALUES (1)');
    const waiting = b.query('SELECT count(*)::int AS n FROM t');
    (a as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy(); // pg's socket, not in its types: vanish without a goodbye
    expect((await waiting).rows[0].n).toBe(0);
    expect((await b.query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });

  it('keeps concurrent parameterised queries of several connections apart', async () => {
    const connections = [await connect(), await connect(), await connect()];
    const wrong: string[] = [];
    await Promise.all(
      connections.map(async (c, k) => {
        for (let i = 0; i < 50; i++) {
          if (i % 10 === 0) await c.query('BEGIN; SELECT 1; COMMIT');
          const { rows } = await c.query('SELECT $1::int AS k, $2::text AS i', [k, String(i)]);
          if (rows[0].k !== k || rows[0].i !== String(i)) wrong.push(`${k}/${i}: ${JSON.stringify(rows[0])}`);
        }
      }),
    );
    expect(wrong).toEqual([]);
  });

  it('closes every connection when asked to drop them, and refuses new ones for a while', async () => {
    const a = await connect();
    const ended = new Promise<void>((resolve) => a.once('end', () => resolve()));
    server.dropConnections(300);
    await ended;
    await expect(connect()).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 350));
    expect((await (await connect()).query('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
  });
});
