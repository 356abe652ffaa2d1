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
  return { transitions: transitions.sort(inOrder), inEffect };
}

/** By instant; at the same instant an ENDED comes before a STARTED. */
const inOrder = (a: Transition, b: Transition) =>
  a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === TransitionKind.ENDED ? -1 : 1);

/** How far ahead a watch lists the boundaries of unchanged sources. */
export const PLAN_MS = 3_600_000;

/**
 * Follows one replica's view of the sources through time. Comparing every
 * source on each tick would cost O(sources) a second; instead, while the
 * sources stay the same, a watch walks a list of the next hour's starts and
 * ends, and only a new set of sources (after a change) or the end of the hour
 * costs a full `transitionsBetween`.
 */
export class TransitionWatch {
  private sources?: SuppressionSources;
  private since?: Date;
  private inEffect: InEffect = new Map();
  private upcoming: Transition[] = [];
  private next = 0;
  private planEnd = 0;

  /** What happened since the last call (nothing on the first, or after the clock went back: that only sets where to start). */
  advance(sources: SuppressionSources, now: Date): Transition[] {
    if (!this.since || now < this.since) {
      this.inEffect = inEffectAt(sources, now);
      this.plan(sources, now);
      return [];
    }
    if (sources !== this.sources || now.getTime() >= this.planEnd) {
      const { transitions, inEffect } = transitionsBetween(sources, this.since, now, this.inEffect);
      this.inEffect = inEffect;
      this.plan(sources, now);
      return transitions;
    }
    const transitions: Transition[] = [];
    for (; this.next < this.upcoming.length && this.upcoming[this.next].at <= now; this.next++) {
      const t = this.upcoming[this.next];
      if (t.kind === TransitionKind.STARTED) this.inEffect.set(transitionKey(t.entry), t.entry);
      else this.inEffect.delete(transitionKey(t.entry));
      transitions.push(t);
    }
    this.since = now;
    return transitions;
  }

  private plan(sources: SuppressionSources, now: Date) {
    this.sources = sources;
    this.since = now;
    this.planEnd = now.getTime() + PLAN_MS;
    this.upcoming = [];
    this.next = 0;
    // Boundaries at the plan's end are left to the full comparison that ends it.
    const within = (at: Date) => at > now && at.getTime() < this.planEnd;
    for (const entry of sources.calendar(now, new Date(this.planEnd), counts(sources))) {
      if (within(entry.start)) this.upcoming.push({ kind: TransitionKind.STARTED, at: entry.start, entry });
      if (within(entry.end)) this.upcoming.push({ kind: TransitionKind.ENDED, at: entry.end, entry });
    }
    this.upcoming.sort(inOrder);
  }
}
