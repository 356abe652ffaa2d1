import type { Occurrence } from '../schedule';
import type { CompiledPolicy } from './compiled-policy';
import type { SelectorEvent } from './selector';
import { accessor, type Accessor } from './selector/compiler';
import { fieldKey, type EqualityKey } from './selector/equality-keys';

/**
 * The enabled policies filed by the values their selectors require, so an
 * event is tested only against the policies that could match it: those filed
 * under one of its field values, and those no key could be read from.
 */
export class PolicyIndex {
  private readonly byValue = new Map<string, Map<string, number[]>>();
  /** Per field, the lower-case prefixes `starts with` asks for, and their lengths (to cut an event's text at). */
  private readonly byPrefix = new Map<string, { lengths: number[]; ranks: Map<string, number[]> }>();
  private readonly readers = new Map<string, Accessor>();
  private readonly unfiled: number[] = [];

  /** `policies` in precedence order. */
  constructor(readonly policies: readonly CompiledPolicy[]) {
    policies.forEach((policy, rank) => {
      if (policy.keyChoices.length === 0) return this.unfiled.push(rank);
      // File under the choice whose lists are shortest so far: no value's list grows much longer than it must.
      const crowding = (choice: EqualityKey[]) => choice.reduce((sum, key) => sum + (this.listFor(key).get(key.value)?.length ?? 0), 0);
      const choice = policy.keyChoices.reduce((best, c) => (crowding(c) < crowding(best) ? c : best));
      for (const key of choice) {
        const values = this.listFor(key);
        const ranks = values.get(key.value);
        if (!ranks) values.set(key.value, [rank]);
        else if (ranks[ranks.length - 1] !== rank) ranks.push(rank);
      }
    });
  }

  /** The value → ranks map a key is filed in, created on first use. */
  private listFor({ field, prefix, value }: EqualityKey): Map<string, number[]> {
    const key = fieldKey(field);
    if (!this.readers.has(key)) this.readers.set(key, accessor(field));
    if (prefix) {
      let byLength = this.byPrefix.get(key);
      if (!byLength) this.byPrefix.set(key, (byLength = { lengths: [], ranks: new Map() }));
      if (!byLength.lengths.includes(value.length)) byLength.lengths.push(value.length);
      return byLength.ranks;
    }
    let values = this.byValue.get(key);
    if (!values) this.byValue.set(key, (values = new Map()));
    return values;
  }

  /**
   * The first policy in precedence order that matches the event and is active
   * (per `activeAt`, which the caller memoises for the instant it decides at).
   */
  first(event: SelectorEvent, activeAt: (policy: CompiledPolicy) => Occurrence | null): [CompiledPolicy, Occurrence] | null {
    // Each list is in precedence order, so the answer is the best of each list's first hit: no merging.
    // The short filed lists go first; the unfiled list is then walked only up to their best rank.
    let best: [number, Occurrence] | null = null;
    for (const ranks of this.filedFor(event)) best = this.firstIn(ranks, event, activeAt, best?.[0] ?? Infinity) ?? best;
    best = this.firstIn(this.unfiled, event, activeAt, best?.[0] ?? Infinity) ?? best;
    return best && [this.policies[best[0]], best[1]];
  }

  /** Every policy that matches the event and is active, in precedence order (the first is the one `first` gives). */
  matching(event: SelectorEvent, activeAt: (policy: CompiledPolicy) => Occurrence | null): [CompiledPolicy, Occurrence][] {
    const hits = new Set<number>();
    const test = (rank: number) => {
      const policy = this.policies[rank];
      if (!hits.has(rank) && policy.matches(event) && activeAt(policy)) hits.add(rank);
    };
    for (const ranks of this.filedFor(event)) ranks.forEach(test);
    this.unfiled.forEach(test);
    return [...hits].sort((a, b) => a - b).map((rank) => [this.policies[rank], activeAt(this.policies[rank])!]);
  }

  /** The first rank below `before` in `ranks` whose policy matches and is active, with its occurrence. */
  private firstIn(
    ranks: readonly number[],
    event: SelectorEvent,
    activeAt: (policy: CompiledPolicy) => Occurrence | null,
    before: number,
  ): [number, Occurrence] | null {
    for (const rank of ranks) {
      if (rank >= before) return null;
      const policy = this.policies[rank];
      if (!policy.matches(event)) continue;
      const occurrence = activeAt(policy);
      if (occurrence) return [rank, occurrence];
    }
    return null;
  }

  /** The rank lists filed under the event's own field values, and under the prefixes of them. */
  private *filedFor(event: SelectorEvent): Iterable<readonly number[]> {
    for (const [key, values] of this.byValue) {
      const value = this.readers.get(key)!(event);
      const ranks = value === undefined ? undefined : values.get(value);
      if (ranks) yield ranks;
    }
    for (const [key, { lengths, ranks }] of this.byPrefix) {
      const value = this.readers.get(key)!(event)?.toLowerCase();
      if (value === undefined) continue;
      for (const length of lengths) {
        const filed = length <= value.length ? ranks.get(value.slice(0, length)) : undefined;
        if (filed) yield filed;
      }
    }
  }
}
