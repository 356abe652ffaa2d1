import type { MaintenancePeriod } from './monitor.entities';
import { MaintenancePeriodType } from './monitors.types';
import { periodName } from './period-suppression.source';

/** A period as the MaintenancePeriod field resolvers get it: the GraphQL type, still carrying the row. */
export type PeriodParent = MaintenancePeriodType & MaintenancePeriod;

/** A period as GraphQL shows it (its schedule, status and occurrences are resolved from the row). */
export const toPeriod = (p: MaintenancePeriod): PeriodParent => Object.assign(new MaintenancePeriodType(), p, { name: periodName(p) });
