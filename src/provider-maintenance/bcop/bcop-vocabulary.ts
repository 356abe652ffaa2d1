import { ImpactLevel, MaintenanceStatus } from '../maintenance-status';
import type { Reading } from './reading';

/**
 * X-MAINTNOTE-STATUS values. NO-CHANGE maps to null: the notice says nothing
 * about the status, exactly like a notice without the property.
 */
const STATUSES = new Map<string, MaintenanceStatus | null>([
  ['TENTATIVE', MaintenanceStatus.TENTATIVE],
  ['CONFIRMED', MaintenanceStatus.CONFIRMED],
  ['IN-PROCESS', MaintenanceStatus.IN_PROCESS],
  ['COMPLETED', MaintenanceStatus.COMPLETED],
  ['CANCELLED', MaintenanceStatus.CANCELLED],
  ['RE-SCHEDULED', MaintenanceStatus.RE_SCHEDULED],
  ['NO-CHANGE', null],
]);

/** X-MAINTNOTE-IMPACT and X-MAINTNOTE-OBJECT-IMPACT values. */
const IMPACTS = new Map<string, ImpactLevel>([
  ['NO-IMPACT', ImpactLevel.NO_IMPACT],
  ['REDUCED-REDUNDANCY', ImpactLevel.REDUCED_REDUNDANCY],
  ['DEGRADED', ImpactLevel.DEGRADED],
  ['OUTAGE', ImpactLevel.OUTAGE],
]);

// Providers are not consistent about case, and nothing is lost by ignoring it.
const key = (text: string) => text.trim().toUpperCase();

export function readStatus(text: string): Reading<MaintenanceStatus | null> {
  const status = STATUSES.get(key(text));
  return status === undefined
    ? { problem: `is not a BCOP status: ${text} (expected ${[...STATUSES.keys()].join(', ')})` }
    : { value: status };
}

export function readImpact(text: string): Reading<ImpactLevel> {
  const impact = IMPACTS.get(key(text));
  return impact === undefined
    ? { problem: `is not a BCOP impact: ${text} (expected ${[...IMPACTS.keys()].join(', ')})` }
    : { value: impact };
}
