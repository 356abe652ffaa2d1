import { DomainError } from '../../common/errors/domain-error';

/** A status change a workflow (maintenance or outage) refuses; `details` carries both ends for the client. */
export class InvalidTransitionError extends DomainError {
  constructor(
    readonly from: string,
    readonly to: string,
    reason?: string,
  ) {
    super('INVALID_TRANSITION', `Cannot go from ${from} to ${to}${reason ? `: ${reason}` : ''}`, { from, to });
  }
}
