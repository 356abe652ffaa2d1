import DataLoader from 'dataloader';

/** Makes a loader; loaders that depend on an argument (a time, a state) take it as a string. */
export type LoaderFactory<K, V> = (param?: string) => DataLoader<K, V>;

/**
 * The DataLoaders of one request. Each loader is made on first use from its
 * factory — one per `param` for loaders that depend on an argument — so a
 * module declares its loaders next to its service and never shares cached
 * rows between requests or tokens.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<object, Map<string, DataLoader<unknown, unknown>>>();

  get<K, V>(factory: LoaderFactory<K, V>, param?: string): DataLoader<K, V> {
    let byParam = this.loaders.get(factory);
    if (!byParam) {
      byParam = new Map();
      this.loaders.set(factory, byParam);
    }
    const key = param ?? '';
    let loader = byParam.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = factory(param);
      byParam.set(key, loader);
    }
    return loader;
  }
}

/** Orders rows fetched for a batch of keys back into key order; missing keys get `fallback`. */
export function byKeys<K, V, R>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: R): (V | R)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? fallback);
}

/** Groups rows fetched for a batch of keys into one list per key, in key order. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
