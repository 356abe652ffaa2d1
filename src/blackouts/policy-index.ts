import type { Occurrence } from '../schedule';
import type { CompiledPolicy } from './compiled-policy';
import type { SelectorEvent } from './selector';
import { accessor, type Accessor } from './selector/compiler';
import { fieldKey } from './selector/equality-keys';

/**
 * The enabled policies filed by the values their selectors require, so an
 * event is tested only against the policies that could match it: those filed
 * under one of its field values, and those no key could be read from.
 */
export class PolicyIndex {
  private readonly byValue = new Map<string, Map<string, number[]>>();
  private readonly readers = new Map<string, Accessor>();
  private readonly unfiled: number[] = [];

  /** `policies` in precedence order. */
  constructor(readonly policies: readonly CompiledPolicy[]) {
    policies.forEach((policy, rank) => {
      if (!policy.keys) return this.unfiled.push(rank);
      for (const { field, value } of policy.keys) {
        const key = fieldKey(field);
        if (!this.readers.has(key)) this.readers.set(key, accessor(field));
        let values = this.byValue.get(key);
        if (!values) this.byValue.set(key, (values = new Map()));
        const ranks = values.get(value);
        if (!ranks) values.set(value, [rank]);
        else if (ranks[ranks.length - 1] !== rank) ranks.push(rank);
      }
    });
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
    const ranks = new Set(this.unfiled);
    for (const filed of this.filedFor(event)) for (const rank of filed) ranks.add(rank);
    const result: [CompiledPolicy, Occurrence][] = [];
    for (const rank of [...ranks].sort((a, b) => a - b)) {
      const policy = this.policies[rank];
      const occurrence = policy.matches(event) ? activeAt(policy) : null;
      if (occurrence) result.push([policy, occurrence]);
    }
    return result;
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

  /** The rank lists filed under the event's own field values. */
  private *filedFor(event: SelectorEvent): Iterable<readonly number[]> {
    for (const [key, values] of this.byValue) {
      const value = this.readers.get(key)!(event);
      const ranks = value === undefined ? undefined : values.get(value);
      if (ranks) yield ranks;
    }
  }
}
