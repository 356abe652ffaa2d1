/** The keys of a partial update input that were actually given (GraphQL leaves absent ones undefined). */
export function definedOnly<T extends object>(input: T): Partial<T> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<T>;
}
