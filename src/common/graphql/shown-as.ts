/** The named fields of a row, and only those. */
export function pick<T extends object, K extends keyof T>(row: T, keys: readonly K[]): Pick<T, K> {
  // fromEntries types its result loosely; it holds exactly the keys asked for, read from the row.
  return Object.fromEntries(keys.map((k) => [k, row[k]])) as Pick<T, K>;
}

/**
 * A GraphQL object of `type` with the named fields of a row copied as they are,
 * and `derived` for those the schema shows otherwise: a mapper lists what the
 * schema shows, so an entity is never handed to GraphQL.
 */
export function shownAs<T extends object, R extends object, K extends keyof R & keyof T>(
  type: new () => T,
  row: R,
  fields: readonly K[],
  derived: Partial<T> = {},
): T {
  return Object.assign(new type(), pick(row, fields), derived);
}
