import type { SuppressionSource } from '../graphql/suppression-reason.type';
import type { CalendarEntry, ChangeRef, Decision, Downtime, NodeRef, Reached, Target } from './suppression.model';

/** How the engine's copy of the sources is doing, for /health. */
export interface SuppressionStatus {
  sources: number;
  /** Whole loads: the one at start and each periodic check. */
  fullLoads: number;
  /** Committed changes followed by loading only what they touched. */
  followed: number;
  /** Sources a check found out of line with the database (expected: 0). */
  repairs: number;
}

/**
 * The one place that decides whether something is suppressed. Modules ask
 * here (declared in common/, implemented by the suppression engine), so
 * every surface gives the same answer with the same reasons.
 */
export abstract class SuppressionPort {
  /** One decision per target at `at`, in order. */
  abstract decide(targets: readonly Target[], at: Date): Decision[];

  /** The ids of the targets of one type (SERVICE, MONITOR) that something suppresses at `at`. */
  abstract suppressedIds(type: 'SERVICE' | 'MONITOR', at: Date): Set<string>;

  /** Every occurrence overlapping [from, to) that `keep` keeps, by start; one open until further notice ends at its estimate as of `shownAt`. */
  abstract calendar(from: Date, to: Date, keep: ((entry: CalendarEntry) => boolean) | undefined, shownAt: Date): CalendarEntry[];

  /** Everything impacts on `from` reach through containment, watches and dependencies, with the chain; `from` first. */
  abstract reach(from: readonly NodeRef[]): Reached[];

  /** When each of `targets` is out of service within [from, to) — by provider work and outages reaching it, or a window on it — and why. */
  abstract downtimes(targets: readonly NodeRef[], from: Date, to: Date): Downtime[];

  /** What one source takes out of service (as `downtimes` counts it), over its whole interval. */
  abstract takenOutBy(source: SuppressionSource, id: string): Downtime[];

  /** Calls `listener` after the engine took in committed changes (this replica's or, through NOTIFY, another's) or repaired itself; returns how to stop. */
  abstract onChanged(listener: (changes: readonly ChangeRef[]) => void): () => void;

  abstract status(): SuppressionStatus;

  /** Resolves once every source has been loaded at start: until then a decision would say "not suppressed" for everything. */
  abstract loaded(): Promise<void>;
}
