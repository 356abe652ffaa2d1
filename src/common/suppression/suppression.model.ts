import type { Occurrence, Schedule } from '../../schedule';
import type { SelectorEvent } from '../../selector';
import type { SuppressionSource } from '../graphql/suppression-reason.type';
import { namedValues, type NameOf } from '../named-values';

/** What a suppression does to its target. */
export const Effect = namedValues('NO_INCIDENT', 'DISABLE_MONITORING', 'DISABLE_NOTIFICATIONS', 'BLACKOUT');
export type Effect = NameOf<typeof Effect>;

/** An object in the dependency graph: a circuit, site, location, region, service or monitor. */
export interface NodeRef {
  type: string;
  id: string;
}

/** One thing a source is on, and what it does to it while in effect (no effects: shown on it, suppresses nothing). */
export interface SourceTarget extends NodeRef {
  /** Often one list shared by many targets (NO_EFFECTS and the sources' constants): never changed in place. */
  effects: readonly Effect[];
  /**
   * Set when what depends on this target is reached too (a provider's impact):
   * by type, what the source does to each object it reaches through
   * containment, watches and dependencies (a type not named: shown, no effect).
   */
  spread?: Partial<Record<string, readonly Effect[]>>;
  /**
   * Set when the source takes the target (and what it reaches) out of
   * service while in effect, as redundancy counts it: FIRM, or TENTATIVE
   * when the source may not happen (an unconfirmed maintenance).
   */
  down?: Down;
}

/** The effects of a target a source is only shown on: one list for all of them. */
export const NO_EFFECTS: readonly Effect[] = Object.freeze([]);

export type Down = 'FIRM' | 'TENTATIVE';

/** An object out of service over [start, end) because of a source (see SourceTarget.down). */
export interface Downtime {
  /** The very object the caller asked about. */
  target: NodeRef;
  start: Date;
  end: Date;
  tentative: boolean;
  source: SuppressionSource;
  id: string;
  name: string;
  providerId?: string;
}

interface SourceBase {
  source: SuppressionSource;
  id: string;
  name: string;
}

/**
 * The end of a source in effect until further notice (an unresolved outage).
 * The last millisecond of year 9999 rather than the largest Date: it still
 * prints as a four-digit ISO year, so PostgreSQL, GraphQL and iCalendar all
 * take it as it is.
 */
export const OPEN_END = new Date('9999-12-31T23:59:59.999Z');

/** In effect over one fixed interval: a service window, a provider maintenance, an outage. */
export interface FixedSource extends SourceBase {
  kind: 'fixed';
  start: Date;
  /** OPEN_END when it lasts until further notice. */
  end: Date;
  /** For an open end: the end a calendar shows (an estimate) while that is still ahead; past it (or without one), the calendar shows it to now. */
  shownEnd?: Date;
  targets: SourceTarget[];
  /** The provider whose work or fault it is, when it is one. */
  providerId?: string;
}

/** In effect over each occurrence of a schedule: a monitor period. */
export interface ScheduledSource extends SourceBase {
  kind: 'scheduled';
  schedule: Schedule;
  targets: SourceTarget[];
}

/** Blacks out the events its selector matches, over each occurrence of a schedule: a blackout policy. */
export interface EventRuleSource extends SourceBase {
  kind: 'events';
  schedule: Schedule;
  selector: string;
  /** Among rules that match one event, the one with the smallest precedence applies first (compared element-wise). */
  precedence: readonly [number, number];
}

/** Everything the engine knows of a source: plain data, handed over by the module that owns it. */
export type SourceRecord = FixedSource | ScheduledSource | EventRuleSource;

export interface Reason {
  source: SuppressionSource;
  id: string;
  name: string;
  occurrence: Occurrence;
  /** True when the occurrence's end is the source's own (a window, a maintenance); false for one occurrence of a schedule. */
  final: boolean;
  /** When the source reaches the target through dependencies: the chain from the object it is on to the target, both included. */
  via?: readonly NodeRef[];
}

export interface Decision {
  suppressed: boolean;
  effects: readonly Effect[];
  /** Service and monitor reasons by start; event rules in precedence order (the first is the one that applies). */
  reasons: readonly Reason[];
}

export type Target = { serviceId: string } | { monitorId: string } | { event: SelectorEvent };

export interface CalendarEntry {
  source: SuppressionSource;
  id: string;
  title: string;
  start: Date;
  end: Date;
  /** The end shown is an estimate: the source lasts until further notice (an unresolved outage). */
  estimated: boolean;
  targets: { type: string; id: string }[];
}

/** What an object is affected by: an impact on any of `upstream` reaches `node` (a site in a region, a monitor watching a circuit). */
export interface DependencyRecord {
  node: NodeRef;
  upstream: NodeRef[];
}

/** An object a set of impacts reaches, and how: `via` from the impacted object to it, both included (empty for the impacted object). */
export interface Reached {
  target: NodeRef;
  via: NodeRef[];
}

/** A committed change, as the change log records it. */
export interface ChangeRef {
  objectType: string;
  objectId: string;
  action: string;
}
