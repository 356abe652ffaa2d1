/**
 * npm run migration:generate -- <Name>   writes migrations/<timestamp>-<Name>.ts from the entity changes
 * npm run migration:run                  applies pending migrations to the configured store
 * npm run migration:check                fails when entities and migrations disagree
 *
 * Without DATABASE_URL, generate and check work on a throw-away in-memory
 * PGlite, so no server is needed to write a migration.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/config/config';
import { closeDataSource } from '../src/database/data-source-options';
import { createDataSource } from '../src/database/data-source';
import { migrate } from '../src/database/migrate';

async function pendingSchemaChanges(dataDirDefault: string) {
  const config = loadConfig();
  const dataSource = createDataSource({
    ...config,
    HUSH_DATA_DIR: config.DATABASE_URL ? config.HUSH_DATA_DIR : dataDirDefault,
  } as typeof config);
  await dataSource.initialize();
  try {
    await migrate(dataSource);
    return await dataSource.driver.createSchemaBuilder().log();
  } finally {
    await closeDataSource(dataSource);
  }
}

function migrationSource(className: string, up: string[], down: string[]): string {
  const literal = (sql: string) => '`' + sql.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
  const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${literal(q)});`).join('\n');
  return `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === 'run') {
    const config = loadConfig();
    const dataSource = createDataSource(config);
    await dataSource.initialize();
    const applied = await migrate(dataSource).finally(() => closeDataSource(dataSource));
    console.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'no pending migrations');
    return;
  }
  const sql = await pendingSchemaChanges('memory://');
  if (command === 'check') {
    if (sql.upQueries.length === 0) return console.log('migrations match the entities');
    console.error('Entities and migrations disagree; run `npm run migration:generate -- <Name>`. Missing:');
    for (const q of sql.upQueries) console.error(`  ${q.query};`);
    process.exitCode = 1;
    return;
  }
  if (command === 'generate') {
    if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
    if (sql.upQueries.length === 0) return console.log('no entity changes: nothing to generate');
    const timestamp = Date.now();
    const file = join(__dirname, '..', '..', 'migrations', `${timestamp}-${name}.ts`);
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.map((q) => q.query).reverse();
    writeFileSync(file, migrationSource(`${name}${timestamp}`, up, down));
    console.log(`wrote ${file}; read it, then commit it`);
    return;
  }
  throw new Error('usage: migrations (generate <Name> | run | check)');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
