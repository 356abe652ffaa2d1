/**
 * What modules register so that others can use it without importing them
 * (sources of suppression, dependencies, schedule owners, kinds of target),
 * each under its own key. A key registered twice is a wiring mistake, found
 * at start.
 */
export class Registry<T> {
  private readonly entries = new Map<string, T>();

  constructor(
    private readonly what: string,
    private readonly keyOf: (entry: T) => string,
  ) {}

  register(entry: T): void {
    const key = this.keyOf(entry);
    if (this.entries.has(key)) throw new Error(`${this.what} ${key} is registered twice`);
    this.entries.set(key, entry);
  }

  find(key: string): T | undefined {
    return this.entries.get(key);
  }

  all(): T[] {
    return [...this.entries.values()];
  }
}
