// First, before the app's modules below put anything on the global object.
import { restoreGlobals } from './pristine-globals';
import 'reflect-metadata';
import { loadConfig } from '../../src/config/config';
import { createDataSource } from '../../src/database/data-source';
import { closeDataSource } from '../../src/database/data-source-options';
import { migrate } from '../../src/database/migrate';
import { adminQuery, TEMPLATE_ENV, withDatabase } from './database';

/**
 * On real Postgres: build the migrated template database the test files clone.
 *
 * This runs in jest's own process, and jest copies that process's globals into
 * the sandbox of every test file it runs there (all of them with --runInBand).
 * The app's modules leave @nestjs/graphql's metadata storage on the global
 * object (GqlTypeMetadataStorage); shared that way, the second test file to
 * build an AppModule would find the first file's classes in it and fail its
 * schema ("Cannot determine a GraphQL output type"). So whatever loading them
 * put on the global object is taken off again.
 */
export default async function globalSetup() {
  try {
    await buildTemplate();
  } finally {
    restoreGlobals();
  }
}

async function buildTemplate() {
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
