import { OutageStatus } from '../outages/outage-status';
import type { TransitionTable } from './move';

const { REPORTED, INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED } = OutageStatus;

/**
 * The outage status graph: for each status, the statuses an outage may move
 * to. Staying put is never listed; the actions decide what that means.
 *
 * | from          | to                                          |
 * |---------------|---------------------------------------------|
 * | REPORTED      | INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED |
 * | INVESTIGATING | IDENTIFIED, MONITORING, RESOLVED            |
 * | IDENTIFIED    | MONITORING, RESOLVED                        |
 * | MONITORING    | INVESTIGATING, RESOLVED                     |
 * | RESOLVED      | (final)                                     |
 *
 * Forward jumps are allowed: a provider often says nothing until it has a
 * fix (IDENTIFIED) or the service is back (RESOLVED). MONITORING may fall
 * back to INVESTIGATING: the fix did not hold and the fault came back. Any
 * other step back is a mistake. RESOLVED is final: a fault that returns after
 * that is a new outage, so the resolved one keeps the times it really had.
 */
export const OUTAGE_TRANSITIONS: TransitionTable<OutageStatus> = {
  [REPORTED]: [INVESTIGATING, IDENTIFIED, MONITORING, RESOLVED],
  [INVESTIGATING]: [IDENTIFIED, MONITORING, RESOLVED],
  [IDENTIFIED]: [MONITORING, RESOLVED],
  [MONITORING]: [INVESTIGATING, RESOLVED],
  [RESOLVED]: [],
};
