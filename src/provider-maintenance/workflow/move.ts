import { InvalidTransitionError } from './invalid-transition-error';

/** The outcome of an allowed action: the status to store, and whether it differs from the current one. */
export interface Transition<S extends string> {
  to: S;
  changed: boolean;
}

/** What an action does when the object already has the status it asks for. */
export type WhenAlreadyThere = 'no-op' | 'refuse';

/** A status graph: for each status, the statuses it may move to (staying put is never listed). */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/**
 * The one guard every action of a workflow goes through, so that its table
 * is the only place that decides which changes are allowed.
 */
export function move<S extends string>(table: TransitionTable<S>, from: S, to: S, whenAlreadyThere: WhenAlreadyThere): Transition<S> {
  if (from === to) {
    if (whenAlreadyThere === 'no-op') return { to, changed: false };
    throw new InvalidTransitionError(from, to, `already ${to}`);
  }
  if (!table[from].includes(to)) throw new InvalidTransitionError(from, to, table[from].length === 0 ? `${from} is final` : undefined);
  return { to, changed: true };
}
