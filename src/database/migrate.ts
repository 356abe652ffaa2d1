import { DataSource, MigrationExecutor, type Migration } from 'typeorm';

/** Any fixed number all Hush replicas agree on; serialises migration runs across them. */
const MIGRATION_LOCK_KEY = 7_201_944_001;

/**
 * Applies pending migrations in one transaction that first takes a
 * transaction-scoped advisory lock: replicas starting together queue up, and
 * the second finds nothing left to do. A failing migration leaves no trace.
 */
export async function migrate(dataSource: DataSource): Promise<Migration[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    await queryRunner.startTransaction();
    await queryRunner.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const executor = new MigrationExecutor(dataSource, queryRunner);
    executor.transaction = 'none';
    const applied = await executor.executePendingMigrations();
    await queryRunner.commitTransaction();
    return applied;
  } catch (error) {
    if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
    throw error;
  } finally {
    await queryRunner.release();
  }
}
