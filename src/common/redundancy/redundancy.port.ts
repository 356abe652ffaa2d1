import type { SuppressionSource } from '../graphql/suppression-reason.type';
import type { CalendarEntry } from '../suppression/suppression.model';
import type { RedundancyRiskType } from './redundancy-risk.type';

/** Asked by the modules whose work causes risks (provider maintenances, outages), answered by the redundancy module. */
export abstract class RedundancyPort {
  /** The risks, now, that `source/id` is one of the causes of. */
  abstract risksCausedBy(source: SuppressionSource, id: string): Promise<RedundancyRiskType[]>;

  /** Every risk overlapping [from, to), cut to it, as calendar entries (source REDUNDANCY_RISK, the group's id, the members taken out). */
  abstract calendar(from: Date, to: Date): Promise<CalendarEntry[]>;
}
