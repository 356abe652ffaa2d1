import { TypeOrmModule } from '@nestjs/typeorm';
import { PROVIDER_MAINTENANCE_ENTITIES } from './entities';
import { MaintenanceSuppressionSource } from './maintenance-suppression.source';
import { Module } from '@nestjs/common';
import { BcopImportResolver } from './bcop-import.resolver';
import { BcopImportService } from './bcop-import.service';
import { ImpactsResolver, MaintenanceImpactsResolver, OutageImpactsResolver } from './impacts.resolver';
import { ImpactsService } from './impacts.service';
import {
  CircuitCrudResolver,
  CircuitFieldsResolver,
  LocationCrudResolver,
  LocationFieldsResolver,
  ProviderResolver,
  RegionCrudResolver,
  RegionFieldsResolver,
  SiteCrudResolver,
  SiteFieldsResolver,
} from './inventory/inventory.resolvers';
import { ContainmentDependencies } from './inventory/containment';
import { InventoryService } from './inventory/inventory.service';
import { MaintenanceQueryService } from './maintenance-query.service';
import { MaintenanceQuickActions, MaintenanceResolver } from './maintenance.resolver';
import { MaintenanceService } from './maintenance.service';
import { OutageQueryService } from './outages/outage-query.service';
import { OutageQuickActions, OutageResolver } from './outages/outage.resolver';
import { OutageService } from './outages/outage.service';
import { OutageSuppressionSource } from './outages/outage-suppression.source';
import { ReplacementSubscriber } from './replacement.subscriber';

/** Providers and their inventory, provider maintenances with the BCOP workflow, outages with theirs, impacts, notifications and timelines. */
@Module({
  imports: [TypeOrmModule.forFeature(PROVIDER_MAINTENANCE_ENTITIES)],
  providers: [
    MaintenanceSuppressionSource,
    OutageSuppressionSource,
    ContainmentDependencies,
    InventoryService,
    MaintenanceService,
    MaintenanceQueryService,
    ImpactsService,
    ReplacementSubscriber,
    BcopImportService,
    BcopImportResolver,
    ProviderResolver,
    RegionCrudResolver,
    SiteCrudResolver,
    LocationCrudResolver,
    CircuitCrudResolver,
    RegionFieldsResolver,
    SiteFieldsResolver,
    LocationFieldsResolver,
    CircuitFieldsResolver,
    MaintenanceResolver,
    MaintenanceQuickActions,
    ImpactsResolver,
    MaintenanceImpactsResolver,
    OutageService,
    OutageQueryService,
    OutageResolver,
    OutageQuickActions,
    OutageImpactsResolver,
  ],
  exports: [MaintenanceQueryService, MaintenanceService],
})
export class ProviderMaintenanceModule {}
