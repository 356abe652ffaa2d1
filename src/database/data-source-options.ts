import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { HushConfig } from '../config/config';
import { EmbeddedPostgres } from './embedded-postgres';

const MIGRATIONS = [join(__dirname, '..', '..', 'migrations', '*.{js,ts}')];

/**
 * The one place that decides which Postgres Hush talks to: a real server, or PGlite embedded in a worker thread.
 * `entities` for scripts that run without Nest; in the app each module registers its own.
 */
export function dataSourceOptions(
  config: Pick<HushConfig, 'DATABASE_URL' | 'HUSH_DATA_DIR'>,
  entities: DataSourceOptions['entities'] = [],
): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities,
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
  return { ...common, ...embeddedConnection(config.HUSH_DATA_DIR) };
}

const embedded = new WeakMap<object, EmbeddedPostgres>();

/**
 * PGlite in a worker thread, reached over a unix socket like a server (see
 * embedded-postgres.ts). It is one session: a pool of one makes TypeORM queue
 * transactions instead of interleaving them.
 */
function embeddedConnection(dataDir: string) {
  const database = new EmbeddedPostgres(dataDir);
  const { stream, user, ...server } = database.clientConfig();
  const extra = { max: 1, stream };
  embedded.set(extra, database);
  return { ...server, username: user, extra };
}

/** The embedded database behind a DataSource, or undefined on a real server. */
export function embeddedPostgres(dataSource: { options: DataSourceOptions }): EmbeddedPostgres | undefined {
  return embedded.get((dataSource.options as { extra?: object }).extra ?? {});
}

/** Closes the pool and, for PGlite, the embedded database itself so its files are flushed. */
export async function closeDataSource(dataSource: { isInitialized: boolean; destroy(): Promise<void>; options: DataSourceOptions }) {
  if (dataSource.isInitialized) await dataSource.destroy();
  await embeddedPostgres(dataSource)?.close();
}
