import { compileSchedule, occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';
import type { BlackoutPolicy } from './blackout.entities';
import { compileAst, parseSelector, type SelectorEvent } from '../selector';

/** A policy with its selector and schedule compiled once, for the start/end worker and the policy's status. */
export class CompiledPolicy {
  readonly matches: (event: SelectorEvent) => boolean;
  readonly schedule: CompiledSchedule;

  constructor(readonly policy: BlackoutPolicy) {
    const ast = parseSelector(policy.selector);
    this.matches = compileAst(ast);
    this.schedule = compileSchedule(policy.schedule);
  }

  activeAt(at: Date): Occurrence | null {
    return occurrenceAt(this.schedule, at);
  }
}

/** Precedence among matching policies: lowest execution order, then the oldest. */
export function byPrecedence(a: BlackoutPolicy, b: BlackoutPolicy): number {
  return a.executionOrder - b.executionOrder || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}
