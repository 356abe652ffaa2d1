import { OutageStatus } from '../outages/outage-status';
import { move, type Transition } from './move';
import { OUTAGE_TRANSITIONS } from './outage-transition-table';

const { INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED } = OutageStatus;

export type OutageTransition = Transition<OutageStatus>;

/** Quick action "Investigate": from REPORTED, or back from MONITORING when the fault returned; nothing to do when already there. */
export function investigate(from: OutageStatus): OutageTransition {
  return move(OUTAGE_TRANSITIONS, from, INVESTIGATING, 'no-op');
}

/** Quick action "Identify": the cause is known; nothing to do when already IDENTIFIED. */
export function identify(from: OutageStatus): OutageTransition {
  return move(OUTAGE_TRANSITIONS, from, IDENTIFIED, 'no-op');
}

/** Quick action "Monitor": a fix is in, watching that it holds; nothing to do when already MONITORING. */
export function monitor(from: OutageStatus): OutageTransition {
  return move(OUTAGE_TRANSITIONS, from, MONITORING, 'no-op');
}

/**
 * Quick action "Resolve". Resolving twice is refused rather than ignored: it
 * would otherwise silently keep (or be expected to move) the recorded end.
 */
export function resolve(from: OutageStatus): OutageTransition {
  return move(OUTAGE_TRANSITIONS, from, RESOLVED, 'refuse');
}

/** Impacts of a RESOLVED outage stay as they were, for audit (as a finished maintenance's do). */
export function outageImpactsFrozen(status: OutageStatus): boolean {
  return status === RESOLVED;
}
