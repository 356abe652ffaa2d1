import 'reflect-metadata';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { closeDataSource } from '../../src/database/data-source-options';
import { migrate } from '../../src/database/migrate';
import { adminQuery, TEMPLATE_ENV, withDatabase } from './database';

/** On real Postgres: build the migrated template database the test files clone. */
export default async function globalSetup() {
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const template = `hush_test_template_${process.pid}`;
  await adminQuery(base, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
  await adminQuery(base, `CREATE DATABASE "${template}"`);
  const dataSource = createDataSource({ ...loadConfig(), DATABASE_URL: withDatabase(base, template) } as ReturnType<typeof loadConfig>);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
  } finally {
    await closeDataSource(dataSource);
  }
  process.env[TEMPLATE_ENV] = template;
}
