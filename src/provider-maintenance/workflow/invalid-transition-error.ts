import { DomainError } from '../../common/errors/domain-error';
import type { MaintenanceStatus } from '../maintenance-status';

/** A status change the workflow refuses; `details` carries both ends for the client. */
export class InvalidTransitionError extends DomainError {
  constructor(
    readonly from: MaintenanceStatus,
    readonly to: MaintenanceStatus,
    reason?: string,
  ) {
    super('INVALID_TRANSITION', `Cannot go from ${from} to ${to}${reason ? `: ${reason}` : ''}`, { from, to });
  }
}
