/**
 * One copy of each equal value among the records the engine holds. Rows read
 * from the database bring their own copy of everything — a service's id once
 * per window on it, a zone's name and a list of effects once per source, the
 * same target (a service, its effects) once per window on it — and an engine
 * of 100k sources would otherwise keep hundreds of thousands of equal copies
 * (measured: a quarter of its strings). Strings are shared, and so is every
 * list or plain object made only of shared values (a target, a schedule, a
 * list of effects), frozen: records are only read. One canon serves one
 * batch of records (a load), and goes with it: kept, its tables would cost
 * about what they save.
 */
export class Canon {
  private readonly strings = new Map<string, string>();
  /** Shared lists and objects, by their JSON (exact for what `sharable` lets in). */
  private readonly shared = new Map<string, object>();
  /** The shared lists and objects themselves: what a shared one may hold besides plain values. */
  private readonly made = new WeakSet<object>();

  /**
   * `value` with its strings, lists and objects shared. A plain object that
   * is not shared as a whole (it holds a Date, say) is changed in place (a
   * copy would hold its fields outside the object, in a second allocation),
   * a frozen one copied; anything else (a Date) is kept.
   */
  share<T>(value: T): T {
    return this.of(value) as T;
  }

  private of(value: unknown): unknown {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) {
      const items = value.map((v) => this.of(v));
      return items.every((v) => this.sharable(v)) ? this.one(items) : items;
    }
    if (value === null || typeof value !== 'object' || Object.getPrototypeOf(value) !== Object.prototype) return value;
    const target: Record<string, unknown> = Object.isFrozen(value) ? { ...value } : (value as Record<string, unknown>);
    let whole = true;
    for (const [key, v] of Object.entries(value)) {
      const shared = (target[key] = this.of(v));
      whole &&= this.sharable(shared);
    }
    return whole ? this.one(target) : target;
  }

  private text(value: string): string {
    const held = this.strings.get(value);
    if (held !== undefined) return held;
    this.strings.set(value, value);
    return value;
  }

  /** The one copy of a list or object made only of shared values. */
  private one<T extends object>(value: T): T {
    const key = JSON.stringify(value);
    const held = this.shared.get(key);
    if (held) return held as T;
    this.shared.set(key, Object.freeze(value));
    this.made.add(value);
    return value;
  }

  /**
   * What a shared list or object may hold: what JSON writes exactly —
   * strings, booleans, null, finite numbers but -0 — and what is shared
   * already. Not undefined, NaN, -0 or a Date, which JSON would write as
   * something else or the same as another value.
   */
  private sharable(value: unknown): boolean {
    if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
    if (typeof value === 'object') return value === null || this.made.has(value);
    return typeof value === 'string' || typeof value === 'boolean';
  }
}
