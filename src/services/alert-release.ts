/** The NOTIFY channel a committed release is announced on, to every replica. */
export const RELEASE_CHANNEL = 'hush_alert_released';

/** How a held alert ended when its maintenance did. */
export enum ReleaseOutcome {
  INCIDENT_OPENED = 'INCIDENT_OPENED',
  ADDED_TO_INCIDENT = 'ADDED_TO_INCIDENT',
  DISCARDED = 'DISCARDED',
}

/** What a release announces: the held alert and what became of it. */
export interface AlertRelease {
  heldAlertId: string;
  serviceId: string;
  outcome: ReleaseOutcome;
}
