/**
 * npm run schema:generate   writes schema.gql from the code-first types
 * npm run schema:check      fails when the committed schema.gql is stale
 *
 * Boots the whole app on a throw-away in-memory PGlite, so the schema is
 * exactly what a running Hush serves.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';

const FILE = join(__dirname, '..', '..', 'schema.gql');
const HEADER = '# Generated from the code by `npm run schema:generate`; do not edit.\n\n';

async function currentSchema(): Promise<string> {
  Object.assign(process.env, { HUSH_DATA_DIR: 'memory://', LOG_LEVEL: 'warn', HUSH_ADMIN_TOKEN: randomBytes(24).toString('hex') });
  delete process.env.DATABASE_URL;
  const app = await NestFactory.create(AppModule, { logger: ['error', 'warn'] });
  await app.init();
  try {
    return HEADER + printSchema(lexicographicSortSchema(app.get(GraphQLSchemaHost).schema)) + '\n';
  } finally {
    await app.close();
  }
}

async function main() {
  const command = process.argv[2];
  const schema = await currentSchema();
  if (command === 'write') {
    writeFileSync(FILE, schema);
    console.log(`wrote ${FILE}`);
  } else if (command === 'check') {
    const committed = (() => {
      try {
        return readFileSync(FILE, 'utf8');
      } catch {
        return '';
      }
    })();
    if (committed === schema) console.log('schema.gql is current');
    else {
      console.error('schema.gql is stale: run `npm run schema:generate` and commit it');
      process.exitCode = 1;
    }
  } else throw new Error('usage: schema (write | check)');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
