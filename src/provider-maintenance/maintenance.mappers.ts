import { shownAs } from '../common/graphql/shown-as';
import { isIanaZone } from './bcop/time-zone-names';
import type { Maintenance } from './entities/maintenance.entity';
import { MaintenanceType } from './maintenance.types';

/**
 * A maintenance as GraphQL shows it. A stored zone this runtime cannot format
 * (a Windows name saved before imports mapped them) reads as none, so that
 * no read of it fails; its name is still in originalTimeZoneName.
 */
export function toMaintenance(m: Maintenance): MaintenanceType {
  return shownAs(
    MaintenanceType,
    m,
    [
      'id',
      'name',
      'summary',
      'startsAt',
      'endsAt',
      'status',
      'acknowledged',
      'originalTimeZoneName',
      'internalTicket',
      'comments',
      'impactDescription',
      'providerMaintenanceId',
      'createdAt',
      'updatedAt',
      'providerId',
      'replacesId',
    ],
    { originalTimeZone: m.originalTimeZone !== null && isIanaZone(m.originalTimeZone) ? m.originalTimeZone : null },
  );
}
