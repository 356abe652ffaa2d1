import { Client } from 'pg';

/** Runs one statement on the server's `postgres` database (to create or drop the benchmark's own). */
async function onServer(url: URL, sql: string) {
  const client = new Client({ connectionString: new URL('/postgres', url).toString() });
  await client.connect();
  await client.query(sql);
  await client.end();
}

/** The benchmark's database, dropped if it exists and created empty. */
export async function freshDatabase(url: URL) {
  await dropDatabase(url);
  await onServer(url, `CREATE DATABASE "${url.pathname.slice(1)}"`);
}

export function dropDatabase(url: URL) {
  return onServer(url, `DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
}

/**
 * Runs `run` on each store `stores` names (`pglite`, `postgres`), embedded
 * first; on PostgreSQL in a database of its own at `url`, created empty and
 * dropped after.
 */
export async function onEachStore(stores: string[], url: URL, run: (store: string, databaseUrl?: string) => Promise<void>) {
  if (stores.includes('pglite')) await run('embedded PGlite');
  if (!stores.includes('postgres')) return;
  await freshDatabase(url);
  try {
    await run('PostgreSQL', url.toString());
  } finally {
    await dropDatabase(url);
  }
}
