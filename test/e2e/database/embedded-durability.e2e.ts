import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { EmbeddedPostgres } from '../../../src/database/embedded-postgres';

/** The embedded store only: PGlite in its worker thread, on files. */
const onPglite = process.env.DATABASE_URL ? describe.skip : describe;

/** A Node process that opens the store on `dataDir` and inserts 1, 2, 3, … printing each number once its commit is acknowledged. */
function writer(dataDir: string) {
  const code = `
    const swc = require(${JSON.stringify(require.resolve('@swc/core'))});
    require.extensions['.ts'] = (module, filename) => {
      const options = { swcrc: false, module: { type: 'commonjs' }, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } };
      module._compile(swc.transformFileSync(filename, options).code, filename);
    };
    const { EmbeddedPostgres } = require(${JSON.stringify(require.resolve('../../../src/database/embedded-postgres'))});
    const { Client } = require(${JSON.stringify(require.resolve('pg'))});
    (async () => {
      const client = new Client(new EmbeddedPostgres(${JSON.stringify(dataDir)}).clientConfig());
      await client.connect();
      await client.query('CREATE TABLE acked (i int PRIMARY KEY)');
      for (let i = 1; ; i++) {
        await client.query('INSERT INTO acked VALUES ($1)', [i]);
        process.stdout.write(i + '\\n');
      }
    })();
  `;
  return spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function query<T>(database: EmbeddedPostgres, sql: string): Promise<T[]> {
  const client = new Client(database.clientConfig());
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

onPglite('the embedded store on files', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hush-durability-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged commit when the process is killed with SIGKILL mid-write, and everything written before a close', async () => {
    const child = writer(dataDir);
    let acknowledged = 0;
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`the writer exited early (${code})`)));
      createInterface({ input: child.stdout }).on('line', (line) => {
        acknowledged = Number(line);
        if (acknowledged === 300) {
          child.removeAllListeners('exit');
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }
      });
    });
    expect(acknowledged).toBeGreaterThanOrEqual(300);

    const reopened = new EmbeddedPostgres(dataDir);
    try {
      const [row] = await query<{ n: number; max: number }>(reopened, 'SELECT count(*)::int AS n, max(i) AS max FROM acked');
      // Every acknowledged number is there, without a gap; at most the one in flight when killed went further.
      expect(row.max).toBeGreaterThanOrEqual(acknowledged);
      expect(row.n).toBe(row.max);
      await query(reopened, 'INSERT INTO acked SELECT generate_series(100001, 100100)');
    } finally {
      await reopened.close();
    }

    const again = new EmbeddedPostgres(dataDir);
    try {
      const [row] = await query<{ n: number }>(again, 'SELECT count(*)::int AS n FROM acked WHERE i > 100000');
      expect(row.n).toBe(100);
    } finally {
      await again.close();
    }
  }, 180_000);
});
