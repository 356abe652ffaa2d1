import { compileSchedule, occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';
import type { BlackoutPolicy } from './blackout.entities';
import { parseSelector, type SelectorEvent } from './selector';
import { compileAst } from './selector/compiler';
import { keyChoices, type EqualityKey } from './selector/equality-keys';

/** A policy with its selector and schedule compiled once, for ingest and the worker. */
export class CompiledPolicy {
  readonly matches: (event: SelectorEvent) => boolean;
  readonly schedule: CompiledSchedule;
  /** Key sets of which a matching event has at least one key each (none: any event might match). */
  readonly keyChoices: EqualityKey[][];

  constructor(readonly policy: BlackoutPolicy) {
    const ast = parseSelector(policy.selector);
    this.matches = compileAst(ast);
    this.keyChoices = keyChoices(ast);
    this.schedule = compileSchedule(policy.schedule);
  }

  activeAt(at: Date): Occurrence | null {
    return occurrenceAt(this.schedule, at);
  }
}

/** `activeAt(at)` for any number of policies, each worked out once: one instant's decisions share it. */
export function activeAtMemo(at: Date): (policy: CompiledPolicy) => Occurrence | null {
  const known = new Map<CompiledPolicy, Occurrence | null>();
  return (policy) => {
    let occurrence = known.get(policy);
    if (occurrence === undefined) known.set(policy, (occurrence = policy.activeAt(at)));
    return occurrence;
  };
}

/** Precedence among matching policies: lowest execution order, then the oldest. */
export function byPrecedence(a: BlackoutPolicy, b: BlackoutPolicy): number {
  return a.executionOrder - b.executionOrder || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}
