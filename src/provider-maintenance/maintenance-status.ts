/** The BCOP status of a provider maintenance (RE-SCHEDULED and IN-PROCESS with underscores, as GraphQL enums need). */
export enum MaintenanceStatus {
  TENTATIVE = 'TENTATIVE',
  CONFIRMED = 'CONFIRMED',
  IN_PROCESS = 'IN_PROCESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
  RE_SCHEDULED = 'RE_SCHEDULED',
  UNKNOWN = 'UNKNOWN',
}

/** How badly a maintenance affects what it touches, least first. */
export enum ImpactLevel {
  NO_IMPACT = 'NO_IMPACT',
  REDUCED_REDUNDANCY = 'REDUCED_REDUNDANCY',
  DEGRADED = 'DEGRADED',
  OUTAGE = 'OUTAGE',
}
