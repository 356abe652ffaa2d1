import DataLoader from 'dataloader';
import { In, type DataSource, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { groupByKeys } from './loader-registry';

/** A request's loader of the rows whose `column` holds each key, in `order`: one query per batch, an empty list for a key with none. */
export function rowsByKey<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  column: keyof T & string,
  order: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (keys) => {
    const where = { [column]: In([...keys]) } as FindOptionsWhere<T>;
    return groupByKeys(keys, await db.getRepository(entity).find({ where, order }), (row) => row[column] as string);
  });
}
