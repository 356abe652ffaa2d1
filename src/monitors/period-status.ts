/** Where a maintenance period stands now, from its schedule. */
export enum PeriodStatus {
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
}
