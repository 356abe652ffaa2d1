import type { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { NotFoundError } from './domain-error';

/**
 * The row with this id, locked for the rest of the transaction (so the write
 * that follows sees it as it stays), or NOT_FOUND naming `objectType` and the
 * argument `id`: how every update and delete begins.
 */
export async function lockOrNotFound<T extends ObjectLiteral & { id: string }>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  id: string,
  objectType: string,
): Promise<T> {
  const row = await manager.findOne(entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } });
  if (!row) throw new NotFoundError(objectType, id, 'id');
  return row;
}

/** The row with this id as it is now, or NOT_FOUND naming `objectType` and the argument `id`: how every lookup of one object begins. */
export async function findOrNotFound<T extends ObjectLiteral & { id: string }>(
  db: DataSource | EntityManager,
  entity: EntityTarget<T>,
  id: string,
  objectType: string,
): Promise<T> {
  const row = await db.getRepository(entity).findOneBy({ id } as FindOptionsWhere<T>);
  if (!row) throw new NotFoundError(objectType, id, 'id');
  return row;
}
