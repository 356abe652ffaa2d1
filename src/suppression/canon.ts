/**
 * One copy of each equal string and list of strings among the records the
 * engine holds. Rows read from the database bring their own copy of every
 * value — a service's id once per window on it, a zone's name and a list of
 * effects once per source — and an engine of 100k sources would otherwise
 * keep hundreds of thousands of equal copies (measured: a quarter of its
 * strings). Shared lists are frozen: records are only read (an empty list,
 * of anything, is the one frozen empty list). One canon
 * serves one batch of records (a load), and goes with it: kept, its table
 * would cost about what it saves.
 */
export class Canon {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, readonly string[]>();

  /**
   * `value` with its strings and lists of strings shared. Plain objects are
   * changed in place (a copy would hold its fields outside the object, in a
   * second allocation), frozen ones copied; anything else (a Date) is kept.
   */
  share<T>(value: T): T {
    return this.of(value) as T;
  }

  private of(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.every((v) => typeof v === 'string') ? this.list(value) : value.map((v) => this.of(v));
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
    const target: Record<string, unknown> = Object.isFrozen(value) ? { ...value } : (value as Record<string, unknown>);
    for (const [key, v] of Object.entries(value)) target[key] = this.of(v);
    return target;
  }

  private text(value: string): string {
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  private list(values: readonly string[]): readonly string[] {
    const key = JSON.stringify(values);
    const held = this.lists.get(key);
    if (held) return held;
    const list = Object.freeze(values.map((v) => this.text(v)));
    this.lists.set(key, list);
    return list;
  }
}
