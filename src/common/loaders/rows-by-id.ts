import DataLoader from 'dataloader';
import type { DataSource, EntityTarget } from 'typeorm';
import { byKeys } from './loader-registry';

/** The rows with these ids, in one query (by primary key). */
function findByIds<T extends { id: string }>(db: DataSource, entity: EntityTarget<T>, ids: readonly string[]): Promise<T[]> {
  return db
    .getRepository(entity)
    .createQueryBuilder()
    .whereInIds([...ids])
    .getMany();
}

/** A request's loader of rows by id: one query per batch, null for an id with no row. */
export function rowsById<T extends { id: string }>(db: DataSource, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return new DataLoader<string, T | null>(async (ids) => byKeys(ids, await findByIds(db, entity, ids), (row) => row.id, null));
}

/** What TargetRegistry asks of a kind of target: the display name of each id that still exists. */
export async function namesById<T extends { id: string }>(
  db: DataSource,
  entity: EntityTarget<T>,
  ids: readonly string[],
  nameOf: (row: T) => string,
): Promise<Map<string, string>> {
  return new Map((await findByIds(db, entity, ids)).map((row) => [row.id, nameOf(row)]));
}
