import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import type { CalendarEntry, SuppressionSources } from './suppression-sources';

export enum TransitionKind {
  STARTED = 'STARTED',
  ENDED = 'ENDED',
}

export interface Transition {
  kind: TransitionKind;
  /** When it happened: the occurrence's start or end, or the moment a change put it in or out of effect. */
  at: Date;
  entry: CalendarEntry;
}

/** The occurrences in effect at some instant, by `transitionKey`. */
export type InEffect = Map<string, CalendarEntry>;

export const transitionKey = (e: { source: string; id: string; start: Date }) => `${e.source}/${e.id}/${e.start.toISOString()}`;

/** A provider maintenance only counts while it suppresses something (CONFIRMED or IN_PROCESS, with an impact). */
const counts = (sources: SuppressionSources) => {
  const suppressing = new Set(
    sources.fixed
      .filter((f) => f.source !== SuppressionSource.PROVIDER_MAINTENANCE || f.targets.some((t) => t.suppresses))
      .map((f) => f.id),
  );
  return (e: CalendarEntry) => e.source !== SuppressionSource.PROVIDER_MAINTENANCE || suppressing.has(e.id);
};

/** What is in effect at `at`. */
export function inEffectAt(sources: SuppressionSources, at: Date): InEffect {
  return new Map(sources.calendar(at, new Date(at.getTime() + 1), counts(sources)).map((e) => [transitionKey(e), e]));
}

/**
 * The transitions in (since, now], given what was in effect at `since`:
 * every start and end that fell in the interval, plus the changes of the
 * sources themselves — an occurrence that stopped being in effect early
 * (deleted, cancelled, disabled, moved) ENDED now, one that became in effect
 * part-way (created or confirmed late) STARTED now. Sorted by instant, an
 * ENDED before a STARTED at the same instant. Also returns what is in effect
 * at `now`, for the next call.
 */
export function transitionsBetween(
  sources: SuppressionSources,
  since: Date,
  now: Date,
  before: InEffect,
): { transitions: Transition[]; inEffect: InEffect } {
  const transitions: Transition[] = [];
  const inEffect: InEffect = new Map();
  const seen = new Set<string>();
  for (const entry of sources.calendar(since, new Date(now.getTime() + 1), counts(sources))) {
    const key = transitionKey(entry);
    seen.add(key);
    const endedBy = entry.end <= now;
    if (entry.start > since) transitions.push({ kind: TransitionKind.STARTED, at: entry.start, entry });
    else if (!before.has(key)) {
      // Came into effect late (created or confirmed mid-occurrence); if it is already over, it never was for anyone.
      if (endedBy) continue;
      transitions.push({ kind: TransitionKind.STARTED, at: now, entry });
    }
    if (endedBy) transitions.push({ kind: TransitionKind.ENDED, at: entry.end, entry });
    else inEffect.set(key, entry);
  }
  for (const [key, entry] of before) if (!seen.has(key)) transitions.push({ kind: TransitionKind.ENDED, at: now, entry });
  transitions.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === TransitionKind.ENDED ? -1 : 1));
  return { transitions, inEffect };
}
