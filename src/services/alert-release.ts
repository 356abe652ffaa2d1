import { namedValues, type NameOf } from '../common/named-values';
/** The NOTIFY channel a committed release is announced on, to every replica. */
export const RELEASE_CHANNEL = 'hush_alert_released';

/** How a held alert ended when its maintenance did. */
export const ReleaseOutcome = namedValues('INCIDENT_OPENED', 'ADDED_TO_INCIDENT', 'DISCARDED');
export type ReleaseOutcome = NameOf<typeof ReleaseOutcome>;

/** What a release announces: the held alert and what became of it. */
export interface AlertRelease {
  heldAlertId: string;
  serviceId: string;
  outcome: ReleaseOutcome;
}
