import { activeAtMemo, type CompiledPolicy } from '../blackouts/compiled-policy';
import type { PolicyIndex } from '../blackouts/policy-index';
import type { SelectorEvent } from '../blackouts/selector';
import { MaintenanceType } from '../monitors/monitor.entities';
import { occurrenceAt, occurrencesBetween, type CompiledSchedule, type Occurrence } from '../schedule';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';

export enum Effect {
  NO_INCIDENT = 'NO_INCIDENT',
  DISABLE_MONITORING = 'DISABLE_MONITORING',
  DISABLE_NOTIFICATIONS = 'DISABLE_NOTIFICATIONS',
  BLACKOUT = 'BLACKOUT',
}

export interface Reason {
  source: SuppressionSource;
  id: string;
  name: string;
  occurrence: Occurrence;
}

export interface Decision {
  suppressed: boolean;
  effects: Effect[];
  reasons: Reason[];
}

export type Target = { serviceId: string } | { monitorId: string } | { event: SelectorEvent };

/** A fixed interval on some targets: a service window, or a provider maintenance that suppresses. */
export interface FixedSource {
  source: SuppressionSource.SERVICE_WINDOW | SuppressionSource.PROVIDER_MAINTENANCE;
  id: string;
  name: string;
  start: Date;
  end: Date;
  /** Everything it is on; `suppresses` marks the targets a decision counts (a provider's NO_IMPACT ones do not). */
  targets: { type: string; id: string; suppresses: boolean }[];
}

export interface PeriodSource {
  id: string;
  name: string;
  monitorId: string;
  type: MaintenanceType;
  schedule: CompiledSchedule;
}

export interface CalendarEntry {
  source: SuppressionSource;
  id: string;
  title: string;
  start: Date;
  end: Date;
  targets: { type: string; id: string }[];
}

/**
 * Everything that can suppress, held in memory and arranged for lookups by
 * target: a decision is a few map lookups and schedule checks, no SQL.
 * Immutable: a refresh builds a new one and swaps it in.
 */
export class SuppressionSources {
  private readonly fixedByTarget = new Map<string, FixedSource[]>();
  private readonly periodsByMonitor = new Map<string, PeriodSource[]>();

  constructor(
    readonly fixed: readonly FixedSource[],
    readonly periods: readonly PeriodSource[],
    readonly policies: PolicyIndex,
  ) {
    for (const f of fixed) for (const t of f.targets) if (t.suppresses) push(this.fixedByTarget, `${t.type}:${t.id}`, f);
    for (const p of periods) push(this.periodsByMonitor, p.monitorId, p);
  }

  get size(): number {
    return this.fixed.length + this.periods.length + this.policies.policies.length;
  }

  /** Decisions at one instant; the targets asked about share each policy's schedule check. */
  decider(at: Date): (target: Target) => Decision {
    const activeAt = activeAtMemo(at);
    return (target) => this.decide(target, at, activeAt);
  }

  private decide(target: Target, at: Date, activeAt: (policy: CompiledPolicy) => Occurrence | null): Decision {
    const effects = new Set<Effect>();
    const reasons: Reason[] = [];
    const fixedAt = (key: string, effect: Effect) => {
      for (const f of this.fixedByTarget.get(key) ?? []) {
        if (f.start <= at && at < f.end) {
          effects.add(effect);
          reasons.push({ source: f.source, id: f.id, name: f.name, occurrence: { start: f.start, end: f.end } });
        }
      }
    };
    if ('serviceId' in target) fixedAt(`SERVICE:${target.serviceId}`, Effect.NO_INCIDENT);
    if ('monitorId' in target) {
      for (const p of this.periodsByMonitor.get(target.monitorId) ?? []) {
        const occurrence = occurrenceAt(p.schedule, at);
        if (!occurrence) continue;
        // No checks means no notifications either.
        if (p.type === MaintenanceType.DISABLE_MONITORING) effects.add(Effect.DISABLE_MONITORING);
        effects.add(Effect.DISABLE_NOTIFICATIONS);
        reasons.push({ source: SuppressionSource.MONITOR_PERIOD, id: p.id, name: p.name, occurrence });
      }
      // Provider work on what a monitor watches is expected noise: its checks run, nobody is told.
      fixedAt(`MONITOR:${target.monitorId}`, Effect.DISABLE_NOTIFICATIONS);
    }
    if ('event' in target) {
      for (const [policy, occurrence] of this.policies.matching(target.event, activeAt)) {
        effects.add(Effect.BLACKOUT);
        reasons.push({ source: SuppressionSource.BLACKOUT_POLICY, id: policy.policy.id, name: policy.policy.name, occurrence });
      }
      if (target.event.serviceId) fixedAt(`SERVICE:${target.event.serviceId}`, Effect.NO_INCIDENT);
    }
    return { suppressed: reasons.length > 0, effects: [...effects], reasons };
  }

  /** Every window, period occurrence, blackout occurrence and provider maintenance overlapping [from, to), by start. */
  calendar(from: Date, to: Date, keep: (entry: CalendarEntry) => boolean): CalendarEntry[] {
    const entries: CalendarEntry[] = [];
    const add = (entry: CalendarEntry) => keep(entry) && entries.push(entry);
    for (const f of this.fixed) {
      if (f.start < to && f.end > from) {
        add({
          source: f.source,
          id: f.id,
          title: f.name,
          start: f.start,
          end: f.end,
          targets: f.targets.map(({ type, id }) => ({ type, id })),
        });
      }
    }
    for (const p of this.periods) {
      for (const o of occurrencesBetween(p.schedule, from, to)) {
        add({ source: SuppressionSource.MONITOR_PERIOD, id: p.id, title: p.name, ...o, targets: [{ type: 'MONITOR', id: p.monitorId }] });
      }
    }
    for (const c of this.policies.policies) {
      for (const o of occurrencesBetween(c.schedule, from, to)) {
        const { id, name, selector } = c.policy;
        add({ source: SuppressionSource.BLACKOUT_POLICY, id, title: name, ...o, targets: [{ type: 'EVENTS', id: selector }] });
      }
    }
    return entries.sort((a, b) => a.start.getTime() - b.start.getTime() || a.end.getTime() - b.end.getTime() || a.id.localeCompare(b.id));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
