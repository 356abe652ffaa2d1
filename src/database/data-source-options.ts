import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { HushConfig } from '../config/config';
import { ENTITIES } from './entities';

const MIGRATIONS = [join(__dirname, '..', '..', 'migrations', '*.{js,ts}')];

/** The one place that decides which Postgres Hush talks to: a real server, or PGlite embedded in-process. */
export function dataSourceOptions(config: Pick<HushConfig, 'DATABASE_URL' | 'HUSH_DATA_DIR'>): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto' as const,
  };
  if (config.DATABASE_URL) {
    return { ...common, url: config.DATABASE_URL, extra: { max: 10 } };
  }
  return { ...common, extra: pgliteConnection(config.HUSH_DATA_DIR) };
}

const embedded = new WeakMap<object, PGlite>();

/**
 * PGlite runs one session; its own node-postgres adapter with a pool of one
 * makes TypeORM queue transactions instead of interleaving them.
 */
function pgliteConnection(dataDir: string) {
  if (!dataDir.includes('://')) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir, { extensions: { btree_gist, pgcrypto } });
  const extra = { ...createPgConfig(pglite), max: 1 };
  embedded.set(extra, pglite);
  return extra;
}

/** The embedded database behind a DataSource, or undefined on a real server. */
export function embeddedPglite(dataSource: { options: DataSourceOptions }): PGlite | undefined {
  return embedded.get((dataSource.options as { extra?: object }).extra ?? {});
}

/** Closes the pool and, for PGlite, the embedded database itself so its files are flushed. */
export async function closeDataSource(dataSource: { isInitialized: boolean; destroy(): Promise<void>; options: DataSourceOptions }) {
  if (dataSource.isInitialized) await dataSource.destroy();
  const pglite = embeddedPglite(dataSource);
  if (pglite && !pglite.closed) await pglite.close();
}
