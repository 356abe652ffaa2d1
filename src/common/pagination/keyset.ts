import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadUserInputError } from '../errors/domain-error';
import type { Connection } from './connection';
import type { PageArgs } from './page-args';

/** A cursor is the sort key of the last row seen: stable while rows are added or removed. */
interface Cursor {
  v: string | number | null;
  id: string;
}

function encode(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a cursor's sort value can be cast to the column's SQL type without the database refusing it. */
function castable(v: unknown, cast: string): boolean {
  if (v === null) return true;
  if (cast === 'timestamptz') return typeof v === 'string' && !Number.isNaN(Date.parse(v)) && /^\d{4}-\d{2}-\d{2}T/.test(v);
  if (typeof v === 'number') return Number.isFinite(v);
  return typeof v === 'string' && !v.includes('\u0000');
}

/** A cursor is only ever one this list handed out: anything else (forged, truncated) is bad input, never SQL. */
function decode(after: string, cast: string): Cursor {
  try {
    const parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8')) as Cursor;
    if (typeof parsed?.id !== 'string' || !UUID.test(parsed.id) || !castable(parsed.v, cast)) throw new Error('not ours');
    return parsed;
  } catch {
    throw BadUserInputError.field('after', 'is not a cursor this list returned');
  }
}

export interface KeysetOrder<T> {
  /** SQL expression of the sort column, e.g. `w.starts_at`; must not be null. */
  column: string;
  /** SQL expression of the unique tie-breaker, e.g. `w.id`. */
  idColumn: string;
  /** The row's value of `column`, as it goes into a cursor. */
  valueOf: (row: T) => string | number;
  idOf: (row: T) => string;
  /** The SQL type to cast the cursor value to, e.g. `timestamptz`. */
  cast: string;
  direction?: 'ASC' | 'DESC';
}

/**
 * Pages a filtered query by keyset: `(column, id)` after the cursor, one row
 * more than asked to know whether another page follows, and a count of all
 * rows that match the filter.
 */
export async function keysetPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: PageArgs,
  order: KeysetOrder<T>,
): Promise<Connection<T>> {
  const direction = order.direction ?? 'ASC';
  const totalCount = await query.clone().getCount();
  const paged = query.clone().orderBy(order.column, direction).addOrderBy(order.idColumn, direction);
  if (page.after) {
    const cursor = decode(page.after, order.cast);
    const op = direction === 'ASC' ? '>' : '<';
    paged.andWhere(`(${order.column}, ${order.idColumn}) ${op} (CAST(:cursorValue AS ${order.cast}), CAST(:cursorId AS uuid))`, {
      cursorValue: cursor.v,
      cursorId: cursor.id,
    });
  }
  const rows = await paged.take(page.first + 1).getMany();
  const nodes = rows.slice(0, page.first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? encode({ v: order.valueOf(last), id: order.idOf(last) }) : null },
  };
}

/** The order of most lists: by a timestamp column, then id (`read` gives the row's value of the column). */
export function byTime<T extends { id: string }>(
  column: string,
  idColumn: string,
  read: (row: T) => Date,
  direction: 'ASC' | 'DESC' = 'ASC',
): KeysetOrder<T> {
  return { column, idColumn, cast: 'timestamptz', direction, valueOf: (row) => read(row).toISOString(), idOf: (row) => row.id };
}

/** A list by name, case-insensitive, then id, of rows aliased `alias` in the query. */
export function byNameOrder<T extends { id: string; name: string }>(alias: string): KeysetOrder<T> {
  return {
    column: `lower(${alias}.name)`,
    idColumn: `${alias}.id`,
    cast: 'text',
    valueOf: (row) => row.name.toLowerCase(),
    idOf: (row) => row.id,
  };
}
