import { MaintenanceStatus } from '../maintenance-status';

const { TENTATIVE, CONFIRMED, IN_PROCESS, COMPLETED, CANCELLED, RE_SCHEDULED, UNKNOWN } = MaintenanceStatus;

/**
 * The BCOP status graph: for each status, the statuses a maintenance may move
 * to. Staying put is never listed; the actions decide what that means.
 *
 * | from         | to                                                                  |
 * |--------------|---------------------------------------------------------------------|
 * | UNKNOWN      | TENTATIVE, CONFIRMED, IN_PROCESS, COMPLETED, CANCELLED, RE_SCHEDULED |
 * | TENTATIVE    | CONFIRMED, IN_PROCESS, COMPLETED, CANCELLED, UNKNOWN, RE_SCHEDULED   |
 * | CONFIRMED    | IN_PROCESS, COMPLETED, CANCELLED, RE_SCHEDULED                       |
 * | IN_PROCESS   | COMPLETED, CANCELLED, RE_SCHEDULED                                   |
 * | COMPLETED    | (final)                                                             |
 * | CANCELLED    | (final)                                                             |
 * | RE_SCHEDULED | (final)                                                             |
 *
 * Why forward jumps are allowed: provider notices get lost or are never sent
 * (many providers send no IN-PROCESS notice, some send COMPLETED straight
 * after TENTATIVE), and BCOP lets a notice carry any status. Refusing a jump
 * would make the NOC lose the newer, true state. Going back (CONFIRMED to
 * TENTATIVE, anything out of a final state) is refused: it is almost always a
 * stale or mistaken update. UNKNOWN may become anything, since it only means
 * "not said yet"; only TENTATIVE may fall back to it, as in the reference.
 *
 * IN_PROCESS may be CANCELLED (work aborted and rolled back) or RE_SCHEDULED
 * (aborted and moved to a new window, the replacement records it): both stop
 * the suppression of alerts for a window in which no more work happens.
 *
 * RE_SCHEDULED is only reached through a replacement (`replaced`); a plain
 * status request for it is refused, see `setStatus`.
 */
export const TRANSITIONS: Readonly<Record<MaintenanceStatus, readonly MaintenanceStatus[]>> = {
  [UNKNOWN]: [TENTATIVE, CONFIRMED, IN_PROCESS, COMPLETED, CANCELLED, RE_SCHEDULED],
  [TENTATIVE]: [CONFIRMED, IN_PROCESS, COMPLETED, CANCELLED, UNKNOWN, RE_SCHEDULED],
  [CONFIRMED]: [IN_PROCESS, COMPLETED, CANCELLED, RE_SCHEDULED],
  [IN_PROCESS]: [COMPLETED, CANCELLED, RE_SCHEDULED],
  [COMPLETED]: [],
  [CANCELLED]: [],
  [RE_SCHEDULED]: [],
};
