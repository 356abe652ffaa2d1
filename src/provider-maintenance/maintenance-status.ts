import { namedValues, type NameOf } from '../common/named-values';
/** The BCOP status of a provider maintenance (RE-SCHEDULED and IN-PROCESS with underscores, as GraphQL enums need). */
export const MaintenanceStatus = namedValues('TENTATIVE', 'CONFIRMED', 'IN_PROCESS', 'COMPLETED', 'CANCELLED', 'RE_SCHEDULED', 'UNKNOWN');
export type MaintenanceStatus = NameOf<typeof MaintenanceStatus>;

/** How badly a maintenance affects what it touches, least first. */
export const ImpactLevel = namedValues('NO_IMPACT', 'REDUCED_REDUNDANCY', 'DEGRADED', 'OUTAGE');
export type ImpactLevel = NameOf<typeof ImpactLevel>;
