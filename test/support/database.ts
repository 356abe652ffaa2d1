import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * On real Postgres each test file gets its own database, cloned from a
 * template that global setup migrated once: clean state, no migration cost,
 * and files can run in parallel. Without DATABASE_URL each file gets its own
 * in-memory PGlite instead.
 */
export const TEMPLATE_ENV = 'HUSH_TEST_TEMPLATE_DB';

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(url, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, or undefined on PGlite. */
export async function cloneTestDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  const template = process.env[TEMPLATE_ENV];
  if (!base) return undefined;
  if (!template) throw new Error(`${TEMPLATE_ENV} is unset: run the tests through jest so its global setup prepares the template`);
  const name = `hush_test_${randomBytes(6).toString('hex')}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(base, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
      break;
    } catch (error) {
      // Two clones starting at the same instant can briefly see each other on the template.
      if (attempt >= 10 || !String(error).includes('being accessed by other users')) throw error;
      await new Promise((r) => setTimeout(r, 100 * attempt));
    }
  }
  return {
    url: withDatabase(base, name),
    drop: () => adminQuery(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}
