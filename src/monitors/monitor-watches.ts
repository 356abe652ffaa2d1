import type { DependencyTable } from '../common/suppression/dependency-list';

/** What monitors watch: an impact reaching any of it quiets the monitor. */
export const WATCHES: DependencyTable = {
  type: 'MONITOR',
  objectType: 'Monitor',
  table: 'monitor_watch',
  ownerColumn: 'monitor_id',
  verb: 'a monitor can watch',
  allowed: ['CIRCUIT', 'SITE', 'LOCATION', 'REGION', 'SERVICE'],
};
