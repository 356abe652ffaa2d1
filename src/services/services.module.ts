import { TypeOrmModule } from '@nestjs/typeorm';
import { SERVICES_ENTITIES } from './entities';
import { WindowSuppressionSource } from './window-suppression.source';
import { Module } from '@nestjs/common';
import { EscalationPoliciesResolver, EscalationRulesResolver, EscalationTargetsResolver } from './escalation-policies.resolver';
import { EscalationPoliciesService } from './escalation-policies.service';
import { AlertReleaseFeed } from './alert-release.feed';
import { EventsService } from './events.service';
import { HeldAlertReleaseWorker } from './held-alert-release.worker';
import { HeldAlertsResolver } from './held-alerts.resolver';
import { HeldAlertsService } from './held-alerts.service';
import { IncidentsResolver } from './incidents.resolver';
import { MaintenanceWindowCreatorResolver, MaintenanceWindowsResolver } from './maintenance-windows.resolver';
import { MaintenanceWindowsService } from './maintenance-windows.service';
import { ServiceCatalogResolver } from './service-catalog.resolver';
import { ServiceCatalog } from './service-catalog.service';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

/** Users, escalation policies, services, their maintenance windows, and the events and incidents routed to them. */
@Module({
  imports: [TypeOrmModule.forFeature(SERVICES_ENTITIES)],
  providers: [
    WindowSuppressionSource,
    UsersService,
    EscalationPoliciesService,
    ServiceCatalog,
    MaintenanceWindowsService,
    EventsService,
    HeldAlertsService,
    HeldAlertReleaseWorker,
    AlertReleaseFeed,
    HeldAlertsResolver,
    UsersResolver,
    EscalationPoliciesResolver,
    EscalationRulesResolver,
    EscalationTargetsResolver,
    ServiceCatalogResolver,
    MaintenanceWindowsResolver,
    MaintenanceWindowCreatorResolver,
    IncidentsResolver,
  ],
  exports: [ServiceCatalog, MaintenanceWindowsService],
})
export class ServicesModule {}
