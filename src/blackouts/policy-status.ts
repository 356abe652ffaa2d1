/** Where a policy stands now: its schedule and whether it is enabled. */
export enum PolicyStatus {
  SCHEDULED = 'SCHEDULED',
  ACTIVE = 'ACTIVE',
  EXPIRED = 'EXPIRED',
  DISABLED = 'DISABLED',
}
