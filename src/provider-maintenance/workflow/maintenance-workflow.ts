import { MaintenanceStatus } from '../maintenance-status';
import { InvalidTransitionError } from './invalid-transition-error';
import { move as moveAlong, type Transition as MoveOutcome, type WhenAlreadyThere } from './move';
import { TRANSITIONS } from './transition-table';

const { IN_PROCESS, COMPLETED, CANCELLED, RE_SCHEDULED } = MaintenanceStatus;

/** The outcome of an allowed maintenance action. */
export type Transition = MoveOutcome<MaintenanceStatus>;

const move = (from: MaintenanceStatus, to: MaintenanceStatus, whenAlreadyThere: WhenAlreadyThere): Transition =>
  moveAlong(TRANSITIONS, from, to, whenAlreadyThere);

/** Quick action "Mark In Progress": refused from a final status; nothing to do when already IN_PROCESS. */
export function markInProgress(from: MaintenanceStatus): Transition {
  return move(from, IN_PROCESS, 'no-op');
}

/** Quick action "Mark Completed": refused from CANCELLED and RE_SCHEDULED; nothing to do when already COMPLETED. */
export function markCompleted(from: MaintenanceStatus): Transition {
  return move(from, COMPLETED, 'no-op');
}

/**
 * Quick action "Cancel": refused from a final status, CANCELLED included. The
 * NOC confirms a cancellation explicitly, so cancelling twice is reported
 * rather than silently accepted (as in the reference).
 */
export function cancel(from: MaintenanceStatus): Transition {
  return move(from, CANCELLED, 'refuse');
}

/**
 * A requested status, from an update or an imported notice: allowed along
 * the graph, and a no-op when unchanged (so importing the same notice twice,
 * or sending back an unchanged status, does nothing). RE_SCHEDULED cannot be
 * requested: it means "another maintenance replaces this one", which only
 * `replaced` knows.
 */
export function setStatus(from: MaintenanceStatus, to: MaintenanceStatus): Transition {
  if (to === RE_SCHEDULED && from !== RE_SCHEDULED) {
    throw new InvalidTransitionError(from, to, 'RE_SCHEDULED is set only when a replacement maintenance is created');
  }
  return move(from, to, 'no-op');
}

/**
 * System action when a replacement maintenance is created for this one.
 * Refused from COMPLETED and CANCELLED (nothing left to move) and from
 * RE_SCHEDULED (it already has a replacement: reschedule that one instead,
 * which keeps the chain of replacements a single line).
 */
export function replaced(from: MaintenanceStatus): Transition {
  return move(from, RE_SCHEDULED, 'refuse');
}

/** A status no action or request can leave. */
export function isFinal(status: MaintenanceStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

/** Impacts of a COMPLETED or CANCELLED maintenance stay as they were, for audit. */
export function impactsFrozen(status: MaintenanceStatus): boolean {
  return status === COMPLETED || status === CANCELLED;
}
