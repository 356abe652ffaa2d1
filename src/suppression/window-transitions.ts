import type { CalendarEntry } from '../common/suppression/suppression.model';
import { sourceKey, type SuppressionState } from './suppression-state';
import { namedValues, type NameOf } from '../common/named-values';

/**
 * ENDING_SOON: a set time before the end (HUSH_ENDING_SOON_MINUTES): time to extend it before alerts come back.
 * EXTENDED: its end moved later while it was in effect.
 * SHORTENED: its end moved earlier while it was in effect (still ahead: one moved to now or before ENDED).
 */
export const WindowTransitionKind = namedValues('STARTED', 'ENDING_SOON', 'EXTENDED', 'SHORTENED', 'ENDED');
export type WindowTransitionKind = NameOf<typeof WindowTransitionKind>;

/** At one instant: what ended first, then changes of ends, warnings, and what started last. */
export const KIND_ORDER = [
  WindowTransitionKind.ENDED,
  WindowTransitionKind.SHORTENED,
  WindowTransitionKind.EXTENDED,
  WindowTransitionKind.ENDING_SOON,
  WindowTransitionKind.STARTED,
];

export interface Transition {
  kind: WindowTransitionKind;
  /** When it happened: the occurrence's start or end, or the moment a change put it in or out of effect. */
  at: Date;
  entry: CalendarEntry;
}

/** The occurrences in effect at some instant, by `transitionKey`. */
export type InEffect = Map<string, CalendarEntry>;

export const transitionKey = (e: { source: string; id: string; start: Date }) => `${e.source}/${e.id}/${e.start.toISOString()}`;
const keyOf = (e: CalendarEntry) => sourceKey(e.source, e.id);

/** Only a source that suppresses something has transitions (a provider maintenance that is not confirmed does not). */
const counts = (state: SuppressionState) => (e: CalendarEntry) => state.suppressesSomething(e.source, e.id);

/** What is in effect at `at`. */
export function inEffectAt(state: SuppressionState, at: Date): InEffect {
  return new Map(state.calendar(at, new Date(at.getTime() + 1), counts(state)).map((e) => [transitionKey(e), e]));
}

/** When an occurrence warns that it is ending (`endingSoonMs` before its end), or null when it does not (no warnings, or one shorter than that). */
function warningAt(entry: CalendarEntry, endingSoonMs: number): number | null {
  const at = entry.end.getTime() - endingSoonMs;
  return endingSoonMs > 0 && at > entry.start.getTime() ? at : null;
}

/**
 * The transitions in (since, now] of the sources `only` names (all when
 * omitted), given what of them was in effect at `since`: every start, warning
 * (`endingSoonMs` before an end; none when 0) and end that fell in the
 * interval, plus the changes of the sources themselves — an occurrence that
 * stopped being in effect early (deleted, cancelled, disabled, moved) ENDED
 * now, one that became in effect part-way (created or confirmed late)
 * STARTED now, one whose end moved while in effect was EXTENDED or SHORTENED
 * now (and warns now if its new end is already that close). Sorted by
 * instant, in KIND_ORDER at the same instant. Also returns what is in effect at `now`.
 */
export function transitionsBetween(
  state: SuppressionState,
  since: Date,
  now: Date,
  before: InEffect,
  { endingSoonMs = 0, only }: { endingSoonMs?: number; only?: Set<string> } = {},
): { transitions: Transition[]; inEffect: InEffect } {
  const transitions: Transition[] = [];
  const inEffect: InEffect = new Map();
  const seen = new Set<string>();
  for (const entry of state.calendar(since, new Date(now.getTime() + 1), counts(state), only)) {
    const key = transitionKey(entry);
    seen.add(key);
    const endedBy = entry.end <= now;
    const was = before.get(key);
    const warning = warningAt(entry, endingSoonMs);
    const moved = !!was && entry.start <= since && !endedBy && was.end.getTime() !== entry.end.getTime();
    if (entry.start > since) transitions.push({ kind: WindowTransitionKind.STARTED, at: entry.start, entry });
    else if (!was) {
      // Came into effect late (created or confirmed mid-occurrence); if it is already over, it never was for anyone.
      if (endedBy) continue;
      transitions.push({ kind: WindowTransitionKind.STARTED, at: now, entry });
    } else if (moved) {
      transitions.push({ kind: entry.end > was.end ? WindowTransitionKind.EXTENDED : WindowTransitionKind.SHORTENED, at: now, entry });
    }
    if (warning !== null && warning <= now.getTime() && (moved || warning > since.getTime())) {
      // A moved end already that close warns now, after the move (its old end's warning may never have come).
      transitions.push({ kind: WindowTransitionKind.ENDING_SOON, at: moved ? now : new Date(warning), entry });
    }
    if (endedBy) transitions.push({ kind: WindowTransitionKind.ENDED, at: entry.end, entry });
    else inEffect.set(key, entry);
  }
  for (const [key, entry] of before) if (!seen.has(key)) transitions.push({ kind: WindowTransitionKind.ENDED, at: now, entry });
  return { transitions: transitions.sort(inOrder), inEffect };
}

/** By instant; at the same instant in KIND_ORDER, then by source and occurrence. */
const inOrder = (a: Transition, b: Transition) =>
  a.at.getTime() - b.at.getTime() ||
  KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
  transitionKey(a.entry).localeCompare(transitionKey(b.entry));

/** How far ahead a watch lists the boundaries of unchanged sources. */
export const PLAN_MS = 3_600_000;

/**
 * Follows one replica's view of the sources through time. Comparing every
 * source on each tick would cost O(sources) a second; instead a watch walks a
 * list of the next hour's starts and ends, and after a change compares and
 * re-plans only the sources that changed. Only the end of the hour (or a gap
 * too long to know what changed) costs a comparison of every source.
 */
export class TransitionWatch {
  /** `endingSoonMs` before each end, an ENDING_SOON (0: none). */
  constructor(private readonly endingSoonMs = 0) {}

  private version = -1;
  private since?: Date;
  private inEffect: InEffect = new Map();
  private upcoming: Transition[] = [];
  private next = 0;
  private planEnd = 0;

  /** What happened since the last call (nothing on the first, or after the clock went back: that only sets where to start). */
  advance(state: SuppressionState, now: Date): Transition[] {
    if (!this.since || now < this.since) {
      this.inEffect = inEffectAt(state, now);
      this.plan(state, now);
      return [];
    }
    const changed = state.changedSince(this.version);
    if (!changed || now.getTime() >= this.planEnd) {
      const { transitions, inEffect } = transitionsBetween(state, this.since, now, this.inEffect, { endingSoonMs: this.endingSoonMs });
      this.inEffect = inEffect;
      this.plan(state, now);
      return transitions;
    }
    const transitions: Transition[] = [];
    // Unchanged sources: their planned boundaries still hold.
    for (; this.next < this.upcoming.length && this.upcoming[this.next].at <= now; this.next++) {
      const t = this.upcoming[this.next];
      if (changed.has(keyOf(t.entry))) continue;
      if (t.kind === WindowTransitionKind.STARTED) this.inEffect.set(transitionKey(t.entry), t.entry);
      else if (t.kind === WindowTransitionKind.ENDED) this.inEffect.delete(transitionKey(t.entry));
      transitions.push(t);
    }
    if (changed.size) {
      // Changed sources: compared as they are now against what of them was in effect at the last call, then planned anew.
      const before: InEffect = new Map([...this.inEffect].filter(([, e]) => changed.has(keyOf(e))));
      for (const key of before.keys()) this.inEffect.delete(key);
      const compared = transitionsBetween(state, this.since, now, before, { endingSoonMs: this.endingSoonMs, only: changed });
      for (const [key, entry] of compared.inEffect) this.inEffect.set(key, entry);
      transitions.push(...compared.transitions);
      this.upcoming = [
        ...this.upcoming.slice(this.next).filter((t) => !changed.has(keyOf(t.entry))),
        ...this.boundaries(state, now, changed),
      ].sort(inOrder);
      this.next = 0;
    }
    this.since = now;
    this.version = state.version;
    return transitions.sort(inOrder);
  }

  private plan(state: SuppressionState, now: Date) {
    this.since = now;
    this.version = state.version;
    this.planEnd = now.getTime() + PLAN_MS;
    this.upcoming = this.boundaries(state, now).sort(inOrder);
    this.next = 0;
  }

  /** The starts, warnings and ends after `now` and before the plan's end (those at its end are left to the comparison that ends it). */
  private boundaries(state: SuppressionState, now: Date, only?: Set<string>): Transition[] {
    const within = (at: Date) => at > now && at.getTime() < this.planEnd;
    const found: Transition[] = [];
    for (const entry of state.calendar(now, new Date(this.planEnd), counts(state), only)) {
      if (within(entry.start)) found.push({ kind: WindowTransitionKind.STARTED, at: entry.start, entry });
      const warning = warningAt(entry, this.endingSoonMs);
      if (warning !== null && within(new Date(warning)))
        found.push({ kind: WindowTransitionKind.ENDING_SOON, at: new Date(warning), entry });
      if (within(entry.end)) found.push({ kind: WindowTransitionKind.ENDED, at: entry.end, entry });
    }
    return found;
  }
}
