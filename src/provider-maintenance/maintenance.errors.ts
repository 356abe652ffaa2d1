import { DomainError } from '../common/errors/domain-error';

/** Impacts of a finished maintenance (COMPLETED, CANCELLED) or a RESOLVED outage are kept as they were, for audit. */
export class ImpactsFrozenError extends DomainError {
  constructor(objectType: 'Maintenance' | 'Outage', id: string, status: string) {
    super('IMPACTS_FROZEN', `${objectType} ${id} is ${status}: its impacts can no longer change`, {
      [objectType === 'Maintenance' ? 'maintenanceId' : 'outageId']: id,
      status,
    });
  }
}
