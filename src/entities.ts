import { BLACKOUTS_ENTITIES } from './blackouts/blackout.entities';
import { COMMON_ENTITIES } from './common/common.entities';
import { MONITORS_ENTITIES } from './monitors/monitor.entities';
import { PROVIDER_MAINTENANCE_ENTITIES } from './provider-maintenance/entities';
import { REDUNDANCY_ENTITIES } from './redundancy/redundancy.entities';
import { SERVICES_ENTITIES } from './services/entities';
import { SUPPRESSION_ENTITIES } from './suppression/window-transition.entity';

/**
 * Every module's tables, for the migration scripts, which run without Nest.
 * The app itself lets each module register its own (`TypeOrmModule.forFeature`).
 */
export const ENTITIES = [
  ...COMMON_ENTITIES,
  ...SERVICES_ENTITIES,
  ...PROVIDER_MAINTENANCE_ENTITIES,
  ...MONITORS_ENTITIES,
  ...BLACKOUTS_ENTITIES,
  ...SUPPRESSION_ENTITIES,
  ...REDUNDANCY_ENTITIES,
];
