import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { FieldProblem } from '../../common/errors/domain-error';

/** Something that still points at an inventory object, named in a CONFLICT. */
export interface Holder {
  type: string;
  id: string;
  name: string;
}

/**
 * Everything the generic inventory service needs to know about one kind of
 * object (provider, region, site, location, circuit): its table, the fields
 * the changelog records, the unique index that names a clash, and the checks
 * and holders particular to it.
 */
/** A row of an inventory table: every kind has a string id. */
export type InventoryRow = ObjectLiteral & { id: string };

export interface InventoryKind<E extends InventoryRow> {
  objectType: string;
  entity: EntityTarget<E>;
  fields: readonly (keyof E & string)[];
  /** SQL expression the list is sorted by (alias `o`), and the same value from a row. */
  sort: { column: string; valueOf(row: E): string };
  unique?: { constraint: string; path: string; message(row: E): string };
  /** Problems with a row about to be written (missing references, cycles). */
  check(manager: EntityManager, row: E): Promise<FieldProblem[]>;
  /** Objects that still point at this one; a delete is refused while there are any. */
  holders(manager: EntityManager, id: string): Promise<Holder[]>;
}
