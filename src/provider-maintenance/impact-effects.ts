import { Effect, type SourceTarget } from '../common/suppression/suppression.model';
import { ImpactLevel } from './maintenance-status';

/**
 * What a provider's work or fault does to what it impacts: a service gets no
 * incidents; a monitor is still checked, but nobody is told. Impacts on
 * circuits, sites and locations are shown in the calendar and suppress nothing.
 */
const EFFECTS: Record<string, Effect[]> = {
  SERVICE: [Effect.NO_INCIDENT],
  MONITOR: [Effect.DISABLE_NOTIFICATIONS],
};

/** An impact row as IMPACTS_JSON aggregates it. */
export interface ImpactRow {
  type: string;
  id: string;
  level: string;
}

/** The impacts (aliased `i`) of each grouped row as a JSON array of ImpactRow, `[]` when none. */
export const IMPACTS_JSON = `coalesce(json_agg(json_build_object('type', i.target_type, 'id', i.target_id, 'level', i.level)
  ORDER BY i.target_type, i.target_id) FILTER (WHERE i.id IS NOT NULL), '[]')`;

/** The suppression targets of a source's impacts: with their effects while `suppressing`, and above NO_IMPACT only. */
export function impactTargets(impacts: readonly ImpactRow[], suppressing: boolean): SourceTarget[] {
  return impacts.map((i) => ({
    type: i.type,
    id: i.id,
    effects: suppressing && i.level !== ImpactLevel.NO_IMPACT ? (EFFECTS[i.type] ?? []) : [],
  }));
}
