import { occurrenceAt, type CompiledSchedule, type Occurrence } from '../schedule';
import { compileSelector, type SelectorEvent } from './selector';
import { compileSchedule } from '../schedule';
import type { BlackoutPolicy } from './blackout.entities';

/** A policy with its selector and schedule compiled once, for ingest and the worker. */
export class CompiledPolicy {
  readonly matches: (event: SelectorEvent) => boolean;
  readonly schedule: CompiledSchedule;

  constructor(readonly policy: BlackoutPolicy) {
    this.matches = compileSelector(policy.selector);
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
