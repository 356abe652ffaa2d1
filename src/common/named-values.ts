/**
 * A closed set of names, as an object whose every value is its own key:
 * `OutageStatus.RESOLVED === 'RESOLVED'`. What a TypeScript string enum is,
 * in one line, and registered with GraphQL, TypeORM and class-validator the
 * same way. Declare its type beside it: `type OutageStatus = NameOf<typeof OutageStatus>`.
 */
export function namedValues<const N extends string>(...names: N[]): { readonly [K in N]: K } {
  return Object.freeze(Object.fromEntries(names.map((name) => [name, name]))) as { readonly [K in N]: K };
}

/** The names of a set made by namedValues, as a union type. */
export type NameOf<T> = T[keyof T];
