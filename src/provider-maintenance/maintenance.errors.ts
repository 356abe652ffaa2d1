import { DomainError } from '../common/errors/domain-error';
import type { MaintenanceStatus } from './maintenance-status';

/** Impacts of a COMPLETED or CANCELLED maintenance are kept as they were, for audit. */
export class ImpactsFrozenError extends DomainError {
  constructor(maintenanceId: string, status: MaintenanceStatus) {
    super('IMPACTS_FROZEN', `Maintenance ${maintenanceId} is ${status}: its impacts can no longer change`, { maintenanceId, status });
  }
}
