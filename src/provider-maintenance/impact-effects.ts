import { Effect, NO_EFFECTS, type Down, type SourceTarget } from '../common/suppression/suppression.model';
import { ImpactLevel } from './maintenance-status';

/**
 * What a provider's work or fault does to what it impacts, and to what it
 * reaches through containment, watches and dependencies: a service gets no
 * incidents; a monitor is still checked, but nobody is told. Circuits, sites,
 * locations and regions are shown in the calendar; they have no alerts of
 * their own to suppress.
 */
const EFFECTS: Record<string, readonly Effect[]> = {
  SERVICE: [Effect.NO_INCIDENT],
  MONITOR: [Effect.DISABLE_NOTIFICATIONS],
};

/** An impact row as IMPACTS_JSON aggregates it. */
export interface ImpactRow {
  type: string;
  id: string;
  level: ImpactLevel;
}

/** The impacts (aliased `i`) of each grouped row as a JSON array of ImpactRow, `[]` when none. */
export const IMPACTS_JSON = `coalesce(json_agg(json_build_object('type', i.target_type, 'id', i.target_id, 'level', i.level)
  ORDER BY i.target_type, i.target_id) FILTER (WHERE i.id IS NOT NULL), '[]')`;

/**
 * The suppression targets of a source's impacts. Above NO_IMPACT an impact
 * reaches what depends on its target too (shown on it all); while
 * `suppressing` it has its effects on everything it reaches.
 */
export function impactTargets(impacts: readonly ImpactRow[], suppressing: boolean, down?: Down): SourceTarget[] {
  return impacts.map((i) => {
    const { type, id } = i;
    if (i.level === ImpactLevel.NO_IMPACT) return { type, id, effects: NO_EFFECTS };
    const target: SourceTarget = {
      type,
      id,
      effects: suppressing ? (EFFECTS[type] ?? NO_EFFECTS) : NO_EFFECTS,
      spread: suppressing ? EFFECTS : NOTHING,
    };
    return down && TAKES_OUT.includes(i.level) ? { ...target, down } : target;
  });
}

/** Reaches what depends on its target with no effect on it: one object for every such impact, so the engine shares what they reach. */
const NOTHING: SourceTarget['spread'] = Object.freeze({});

/** The levels at which what an impact reaches is out of service, as redundancy counts it (reduced redundancy is not). */
const TAKES_OUT: readonly string[] = [ImpactLevel.OUTAGE, ImpactLevel.DEGRADED];

/** What an impact does to an object of this type while its maintenance or outage suppresses. */
export const effectsOn = (type: string): readonly Effect[] => EFFECTS[type] ?? NO_EFFECTS;
