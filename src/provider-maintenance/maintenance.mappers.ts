import { isIanaZone } from './bcop/time-zone-names';
import type { Maintenance } from './entities/maintenance.entity';
import { MaintenanceType } from './maintenance.types';

/**
 * A maintenance as GraphQL shows it. A stored zone this runtime cannot format
 * (a Windows name saved before imports mapped them) reads as none, so that
 * no read of it fails; its name is still in originalTimeZoneName.
 */
export function toMaintenance(m: Maintenance): MaintenanceType {
  return Object.assign(new MaintenanceType(), {
    id: m.id,
    name: m.name,
    summary: m.summary,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    status: m.status,
    acknowledged: m.acknowledged,
    originalTimeZone: m.originalTimeZone !== null && isIanaZone(m.originalTimeZone) ? m.originalTimeZone : null,
    originalTimeZoneName: m.originalTimeZoneName,
    internalTicket: m.internalTicket,
    comments: m.comments,
    impactDescription: m.impactDescription,
    providerMaintenanceId: m.providerMaintenanceId,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
    providerId: m.providerId,
    replacesId: m.replacesId,
  });
}
