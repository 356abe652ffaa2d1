import type { DependencyTable } from '../common/suppression/dependency-list';

/** What services depend on: an impact reaching any of it reaches the service. */
export const DEPENDS_ON: DependencyTable = {
  type: 'SERVICE',
  objectType: 'Service',
  table: 'service_dependency',
  ownerColumn: 'service_id',
  verb: 'a service can depend on',
  allowed: ['CIRCUIT', 'SITE', 'LOCATION', 'REGION', 'MONITOR', 'SERVICE'],
};
