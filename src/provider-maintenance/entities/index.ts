import { Circuit, Location, Provider, Region, Site } from './inventory.entities';
import { Impact, Maintenance } from './maintenance.entity';
import { EventNotification } from './notification.entity';
import { Outage } from './outage.entity';

/** The provider-maintenance module's tables, registered by its module and listed for the migration scripts. */
export const PROVIDER_MAINTENANCE_ENTITIES = [Provider, Region, Site, Location, Circuit, Maintenance, Outage, Impact, EventNotification];
