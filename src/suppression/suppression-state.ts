import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import {
  Effect,
  NO_EFFECTS,
  OPEN_END,
  type CalendarEntry,
  type Decision,
  type DependencyRecord,
  type Down,
  type Downtime,
  type FixedSource,
  type NodeRef,
  type Reason,
  type ScheduledSource,
  type SourceRecord,
  type SourceTarget,
  type Target,
} from '../common/suppression/suppression.model';
import { occurrencesBetween, type CompiledSchedule } from '../schedule';
import { chainTo, DependencyGraph, nodeKey, type Step } from './dependency-graph';
import { Canon } from './canon';
import { CompiledRule, EventRuleIndex } from './event-rule-index';
import { sharedSchedule } from './compiled-once';
import { Timing } from './timing';

/**
 * What a source reaches through dependencies from one of its targets,
 * besides its own targets: each object once, as the step that ends its chain
 * (the steps are the graph's walk, shared by every source from that target),
 * with what the source does there by the object's type, and whether it takes
 * it out of service.
 */
interface Reach {
  steps: readonly Step[];
  spread: NonNullable<SourceTarget['spread']>;
  down?: Down;
}

const effectsThere = (reach: Reach, step: Step): readonly Effect[] => reach.spread[step.target.type] ?? NO_EFFECTS;

/**
 * A fixed or scheduled source as held: when it is in effect (it is its own
 * Timing, one object a source rather than two), its record, and the objects
 * reached through what depends on its targets (none for most sources).
 */
class Held extends Timing {
  constructor(
    readonly record: FixedSource | ScheduledSource,
    final: boolean,
    schedule: CompiledSchedule | null,
    readonly reached: readonly Reach[],
  ) {
    super(record, final, schedule, record.kind === 'fixed' ? record : undefined);
  }
}

/** Effects in the order decisions list them; a decision collects them as bits. */
const EFFECTS = [Effect.NO_INCIDENT, Effect.DISABLE_MONITORING, Effect.DISABLE_NOTIFICATIONS, Effect.BLACKOUT];
const BLACKOUT_BIT = 1 << EFFECTS.indexOf(Effect.BLACKOUT);
const bits = (effects: readonly Effect[]) => effects.reduce((mask, e) => mask | (1 << EFFECTS.indexOf(e)), 0);
/** The effects each set of bits stands for, built once: decisions share them (and only read them). */
const EFFECT_LISTS = Array.from({ length: 1 << EFFECTS.length }, (_, mask) => Object.freeze(EFFECTS.filter((_, i) => mask & (1 << i))));
const NOT_SUPPRESSED: Decision = Object.freeze({
  suppressed: false,
  effects: EFFECT_LISTS[0],
  reasons: Object.freeze([]),
});

/**
 * The sources with an effect on one target — each source's timing, what it
 * does there (bits of EFFECTS) and, when it reaches the target through
 * dependencies, the step that ends its chain; side by side in three arrays,
 * as a large engine holds hundreds of thousands — and the decision they made
 * when last asked, kept until one of them starts or ends (Timing.sameUntil):
 * a target reached by many sources (a service behind many circuits) is not
 * asked of each again, nor its reasons sorted again, for every decision
 * about "now". Nothing a reason says changes inside that span, so the kept
 * decision is the one a fresh look would make.
 */
class TargetList {
  private timings: Timing[] = [];
  private effects: number[] = [];
  private steps: (Step | null)[] = [];
  private decision: Decision = NOT_SUPPRESSED;
  private fromMs = Number.NaN;
  private untilMs = Number.NaN;

  add(timing: Timing, effects: number, step: Step | null) {
    this.timings.push(timing);
    this.effects.push(effects);
    this.steps.push(step);
    this.untilMs = Number.NaN;
  }

  /** Cuts the arrays to their length: a load grows them by push, which leaves up to half again as much room. */
  fit() {
    this.timings = this.timings.slice();
    this.effects = this.effects.slice();
    this.steps = this.steps.slice();
  }

  /** Takes out the entries of one source; returns whether any are left. */
  remove(timing: Timing): boolean {
    let kept = 0;
    for (let i = 0; i < this.timings.length; i++) {
      if (this.timings[i] === timing) continue;
      this.timings[kept] = this.timings[i];
      this.effects[kept] = this.effects[i];
      this.steps[kept] = this.steps[i];
      kept++;
    }
    this.timings.length = this.effects.length = this.steps.length = kept;
    this.untilMs = Number.NaN;
    return kept > 0;
  }

  decisionAt(atMs: number, at: Date): Decision {
    if (this.fromMs <= atMs && atMs < this.untilMs) return this.decision;
    let effects = 0;
    const reasons: Reason[] = [];
    let untilMs = Infinity;
    for (let i = 0; i < this.timings.length; i++) {
      const timing = this.timings[i];
      const own = timing.at(atMs, at);
      untilMs = Math.min(untilMs, timing.sameUntil(atMs));
      if (!own) continue;
      effects |= this.effects[i];
      const step = this.steps[i];
      // Through dependencies, the source's own reason with the chain that brought it here.
      reasons.push(step ? Object.freeze({ ...own, via: chainTo(step) }) : own);
    }
    this.decision = reasons.length
      ? Object.freeze({ suppressed: true, effects: EFFECT_LISTS[effects], reasons: Object.freeze(reasons.sort(byOccurrence)) })
      : NOT_SUPPRESSED;
    this.fromMs = atMs;
    this.untilMs = untilMs;
    return this.decision;
  }
}

/** A fixed source that takes an object out of service, with its interval as numbers (redundancy asks about many at once). */
interface TakenOut {
  held: Held;
  tentative: boolean;
  startMs: number;
  endMs: number;
}

/** How many records make a load, after which the target lists are cut to size (see TargetList.fit). */
const BULK = 1_000;

/** `source/id`: the same id could in principle name two kinds of source. */
export const sourceKey = (source: SuppressionSource, id: string) => `${source}/${id}`;

/**
 * Every source of suppression, held in memory and arranged for lookups by
 * target: a decision is a few map lookups and schedule checks, no SQL. A
 * source is added, replaced or removed on its own (`put`, `delete`); every
 * change bumps `version` and is remembered for `changedSince`.
 */
export class SuppressionState {
  private readonly records = new Map<string, SourceRecord>();
  private readonly held = new Map<string, Held>();
  /** type → target id → the sources with an effect on it. */
  private readonly byTarget = new Map<string, Map<string, TargetList>>();
  /** `type:id` → the fixed sources that take it out of service (directly or through what it depends on). */
  private readonly downOn = new Map<string, TakenOut[]>();
  /** `type:id` → keys of every source on it, effect or not (for `heldOn`). */
  private readonly shownOn = new Map<string, Set<string>>();
  private readonly rules = new EventRuleIndex();
  /** What each object is affected by; read it freely, change it only through setDependencies (which keeps `walks` true). */
  readonly graph = new DependencyGraph();
  /** Walks of the graph by start, without it (stepsBeyond); emptied whenever the graph changes. */
  private readonly walks = new Map<string, readonly Step[]>();
  private readonly log: { version: number; key: string }[] = [];
  /** While a load is filed, the target lists it grew: cut to size at its end (see TargetList.fit). */
  private grown: Set<TargetList> | null = null;
  version = 0;

  get size(): number {
    return this.records.size;
  }

  get(source: SuppressionSource, id: string): SourceRecord | undefined {
    return this.records.get(sourceKey(source, id));
  }

  all(): IterableIterator<SourceRecord> {
    return this.records.values();
  }

  /** The ids of the sources of one kind that are on a target (effect or not). */
  heldOn(source: SuppressionSource, type: string, id: string): string[] {
    const prefix = `${source}/`;
    return [...(this.shownOn.get(`${type}:${id}`) ?? [])].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** Adds or replaces a source. */
  put(record: SourceRecord): void {
    this.putAll([record]);
  }

  /** Adds or replaces many sources (blackout rules are filed knowing of each other: see EventRuleIndex.addAll). */
  putAll(records: readonly SourceRecord[]): void {
    const rules: CompiledRule[] = [];
    const canon = new Canon();
    const grown = (this.grown = records.length >= BULK ? new Set<TargetList>() : null);
    try {
      for (const record of records) this.file(canon.share(record), rules);
      this.rules.addAll(rules);
      for (const list of grown ?? []) list.fit();
    } finally {
      this.grown = null;
    }
  }

  private file(record: SourceRecord, rules: CompiledRule[]) {
    const key = sourceKey(record.source, record.id);
    this.unfile(key);
    this.records.set(key, record);
    if (record.kind === 'events') rules.push(new CompiledRule(record));
    else {
      const schedule = record.kind === 'scheduled' ? sharedSchedule(record.schedule) : null;
      const fixed = record.kind === 'fixed';
      // An open-ended source's end is not its own yet: it ends whenever it is resolved.
      const final = fixed && record.end.getTime() !== OPEN_END.getTime();
      const held = new Held(record, final, schedule, this.reach(record));
      this.held.set(key, held);
      for (const t of record.targets) {
        add(this.shownOn, `${t.type}:${t.id}`, key);
        this.place(t, held, t.effects, null);
      }
      for (const r of held.reached) for (const step of r.steps) this.place(step.target, held, effectsThere(r, step), step);
      if (fixed) this.takeOut(held);
    }
    this.changed(key);
  }

  /** Files a fixed source under every target it takes out of service: one entry per kind of down, shared by its targets. */
  private takeOut(held: Held) {
    const record = held.record as FixedSource;
    const entries: Partial<Record<Down, TakenOut>> = {};
    forEachDown(held, (node, down) => {
      const entry = (entries[down] ??= {
        held,
        tentative: down === 'TENTATIVE',
        startMs: record.start.getTime(),
        endMs: record.end.getTime(),
      });
      const key = nodeKey(node);
      const list = this.downOn.get(key);
      if (list) list.push(entry);
      else this.downOn.set(key, [entry]);
    });
  }

  /** When each of `targets` is out of service within [from, to), and because of what, by target then start. */
  downtimes(targets: readonly NodeRef[], from: Date, to: Date): Downtime[] {
    const found: Downtime[] = [];
    const fromMs = from.getTime();
    const toMs = to.getTime();
    for (const target of targets) {
      for (const { held, tentative, startMs, endMs } of this.downOn.get(nodeKey(target)) ?? []) {
        if (startMs < toMs && endMs > fromMs) found.push(downtime(target, held.record as FixedSource, tentative));
      }
    }
    return found;
  }

  /** What one source takes out of service, over its whole interval. */
  takenOutBy(source: SuppressionSource, id: string): Downtime[] {
    const key = sourceKey(source, id);
    const held = this.held.get(key);
    if (!held || held.record.kind !== 'fixed') return [];
    const found: Downtime[] = [];
    forEachDown(held, (node, down) =>
      found.push(downtime({ type: node.type, id: node.id }, held.record as FixedSource, down === 'TENTATIVE')),
    );
    return found;
  }

  /** Files a source's timing under a target it has an effect on (with the step that reaches it, if any). */
  private place(target: NodeRef, timing: Timing, effects: readonly Effect[], step: Step | null) {
    if (effects.length === 0) return;
    let ids = this.byTarget.get(target.type);
    if (!ids) this.byTarget.set(target.type, (ids = new Map<string, TargetList>()));
    let list = ids.get(target.id);
    if (!list) ids.set(target.id, (list = new TargetList()));
    list.add(timing, bits(effects), step);
    this.grown?.add(list);
  }

  /** What a source's spreading targets reach that it is not on itself, each once (by the first target, on its shortest chain). */
  private reach(record: FixedSource | ScheduledSource): readonly Reach[] {
    const spreading = record.targets.filter((t) => t.spread);
    if (spreading.length === 0) return NOTHING_REACHED;
    const seen = new Set(record.targets.map(nodeKey));
    const reached: Reach[] = [];
    for (const t of spreading) {
      const beyond = this.stepsBeyond(t);
      // The usual case — one impact, reaching none of the source's other targets — takes the shared steps as they are.
      const unseen = (step: Step) => {
        const key = nodeKey(step.target);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      };
      const steps = spreading.length === 1 && !beyond.some((step) => seen.has(nodeKey(step.target))) ? beyond : beyond.filter(unseen);
      if (steps.length) reached.push({ steps, spread: t.spread!, ...(t.down && { down: t.down }) });
    }
    return reached;
  }

  /** The graph walked from one object, without it: shared by every source on that object until the graph changes. */
  private stepsBeyond(node: NodeRef): readonly Step[] {
    const key = nodeKey(node);
    let steps = this.walks.get(key);
    if (!steps) this.walks.set(key, (steps = Object.freeze(this.graph.walk([node]).filter((step) => step.from))));
    return steps;
  }

  /**
   * Replaces what some objects are affected by, and files again every source
   * on an object that reached them before or reaches them now. Returns how
   * many sources were filed again.
   */
  setDependencies(given: readonly DependencyRecord[]): number {
    if (given.length === 0) return 0;
    const canon = new Canon();
    const records = given.map((r) => canon.share(r));
    const touched = new Set<string>();
    const collect = () => records.forEach((r) => this.graph.reachedFrom(r.node).forEach((k) => touched.add(k)));
    collect();
    for (const r of records) this.graph.set(r.node, r.upstream);
    this.walks.clear();
    collect();
    const keys = new Set<string>();
    for (const node of touched) for (const key of this.shownOn.get(node) ?? []) keys.add(key);
    this.putAll([...keys].map((k) => this.records.get(k)!));
    return keys.size;
  }

  delete(source: SuppressionSource, id: string): void {
    const key = sourceKey(source, id);
    if (!this.records.has(key)) return;
    this.unfile(key);
    this.records.delete(key);
    this.changed(key);
  }

  /** The keys of the sources changed after `version`, or null when that is too long ago to tell. */
  changedSince(version: number): Set<string> | null {
    if (version === this.version) return new Set();
    if (this.log.length === 0 || this.log[0].version > version + 1) return null;
    return new Set(this.log.filter((c) => c.version > version).map((c) => c.key));
  }

  private changed(key: string) {
    this.log.push({ version: ++this.version, key });
    // Watchers read the log at least every second; a long one only means they compare everything once.
    if (this.log.length > 10_000) this.log.splice(0, 5_000);
  }

  private unfile(key: string) {
    const record = this.records.get(key);
    if (!record) return;
    if (record.kind === 'events') return this.rules.remove(record.id);
    const held = this.held.get(key)!;
    this.held.delete(key);
    for (const t of record.targets) this.shownOn.get(`${t.type}:${t.id}`)?.delete(key);
    forEachDown(held, (node) => {
      const key = nodeKey(node);
      const left = this.downOn.get(key)?.filter((d) => d.held !== held);
      if (left?.length) this.downOn.set(key, left);
      else this.downOn.delete(key);
    });
    for (const node of eachTarget(held)) {
      const ids = this.byTarget.get(node.type);
      const list = ids?.get(node.id);
      if (list && !list.remove(held)) ids!.delete(node.id);
    }
  }

  /** Decisions at one instant. */
  decider(at: Date): (target: Target) => Decision {
    const atMs = at.getTime();
    return (target) => {
      const type = 'monitorId' in target ? 'MONITOR' : 'SERVICE';
      const id = 'serviceId' in target ? target.serviceId : 'monitorId' in target ? target.monitorId : target.event.serviceId;
      const on = id ? (this.byTarget.get(type)?.get(id)?.decisionAt(atMs, at) ?? NOT_SUPPRESSED) : NOT_SUPPRESSED;
      if (!('event' in target)) return on;
      const hits = this.rules.matching(target.event, atMs, at);
      if (hits.length === 0) return on;
      // A blackout's reasons come first: the rule that applies heads them.
      return {
        suppressed: true,
        effects: EFFECT_LISTS[EFFECT_LISTS.indexOf(on.effects) | BLACKOUT_BIT], // every decision's effects are one of these lists
        reasons: on.suppressed ? hits.map((hit) => hit.reason).concat(on.reasons) : hits.map((hit) => hit.reason),
      };
    };
  }

  /** The ids of the targets of one type that something suppresses at `at`. */
  suppressedIds(type: string, at: Date): Set<string> {
    const decide = this.decider(at);
    const ids = new Set<string>();
    for (const id of this.byTarget.get(type)?.keys() ?? []) {
      const target = type === 'SERVICE' ? { serviceId: id } : { monitorId: id };
      if (decide(target).suppressed) ids.add(id);
    }
    return ids;
  }

  /**
   * Every occurrence overlapping [from, to) of the sources `only` names (all
   * when omitted), by start. With `shownAt`, a source open until further
   * notice is shown to its estimated end as of that instant (people read
   * those); without, to OPEN_END (transitions, which must see it go on).
   */
  calendar(
    from: Date,
    to: Date,
    keep: (entry: CalendarEntry) => boolean = () => true,
    only?: Iterable<string>,
    shownAt?: Date,
  ): CalendarEntry[] {
    const entries: CalendarEntry[] = [];
    const add = (entry: CalendarEntry) => keep(entry) && entries.push(entry);
    const records = only ? [...only].map((k) => this.records.get(k)).filter((r) => r !== undefined) : this.records.values();
    for (const record of records) {
      const { source, id, name: title } = record;
      if (record.kind === 'fixed') {
        const estimated = record.end.getTime() === OPEN_END.getTime();
        const end = estimated && shownAt ? estimatedEnd(record, shownAt) : record.end;
        if (record.start < to && end > from) add({ source, id, title, start: record.start, end, estimated, targets: this.shown(record) });
        continue;
      }
      const schedule = record.kind === 'events' ? this.rules.get(id)!.schedule : this.held.get(sourceKey(source, id))!.schedule!;
      const targets = this.shown(record);
      for (const o of occurrencesBetween(schedule, from, to))
        add({ source, id, title, start: o.start, end: o.end, estimated: false, targets });
    }
    return entries.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime() || compareText(a.id, b.id));
  }

  /** What a source is on and reaches through dependencies (a blackout: the events its selector matches); none once it is gone. */
  targetsOf(source: SuppressionSource, id: string): NodeRef[] {
    const record = this.get(source, id);
    return record ? this.shown(record) : [];
  }

  /** Whether a source suppresses anything at all (a provider maintenance that is not confirmed does not). */
  suppressesSomething(source: SuppressionSource, id: string): boolean {
    const key = sourceKey(source, id);
    const record = this.records.get(key);
    if (!record || record.kind === 'events') return !!record;
    const held = this.held.get(key)!;
    return (
      record.targets.some((t) => t.effects.length > 0) || held.reached.some((r) => r.steps.some((step) => effectsThere(r, step).length > 0))
    );
  }

  private shown(record: SourceRecord): NodeRef[] {
    if (record.kind === 'events') return [{ type: 'EVENTS', id: record.selector }];
    return [...eachTarget(this.held.get(sourceKey(record.source, record.id))!)].map(({ type, id }) => ({ type, id }));
  }
}

const NOTHING_REACHED: readonly Reach[] = Object.freeze([]);

/** The objects a held source is on, then those it reaches. */
function* eachTarget(held: Held): Generator<NodeRef> {
  yield* held.record.targets;
  for (const r of held.reached) for (const step of r.steps) yield step.target;
}

/** Each object a held source takes out of service, with how (on its own targets, then those it reaches). */
function forEachDown(held: Held, found: (node: NodeRef, down: Down) => void) {
  for (const t of held.record.targets) if (t.down) found(t, t.down);
  for (const r of held.reached) if (r.down) for (const step of r.steps) found(step.target, r.down);
}

/** `target` is the caller's own object, so it can tell its targets apart by identity. */
function downtime(target: NodeRef, record: FixedSource, tentative: boolean): Downtime {
  const { start, end, source, id, name, providerId } = record;
  return { target, start, end, tentative, source, id, name, providerId };
}

/** The estimate while it is ahead, else `at`; never before the start. */
function estimatedEnd(record: FixedSource, at: Date): Date {
  const ms = Math.max(record.start.getTime(), at.getTime(), record.shownEnd?.getTime() ?? 0);
  return new Date(ms);
}

const byOccurrence = (a: Reason, b: Reason) =>
  a.occurrence.start.getTime() - b.occurrence.start.getTime() || compareText(a.source, b.source) || compareText(a.id, b.id);

/** Code-unit order: the same everywhere, and far cheaper than a locale's. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function add(map: Map<string, Set<string>>, key: string, value: string) {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}
