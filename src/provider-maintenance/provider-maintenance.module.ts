import { TypeOrmModule } from '@nestjs/typeorm';
import { PROVIDER_MAINTENANCE_ENTITIES } from './entities';
import { MaintenanceSuppressionSource } from './maintenance-suppression.source';
import { Module } from '@nestjs/common';
import { BcopImportResolver } from './bcop-import.resolver';
import { BcopImportService } from './bcop-import.service';
import { ImpactTargetResolver, ImpactsResolver, MaintenanceImpactsResolver } from './impacts.resolver';
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
import { InventoryService } from './inventory/inventory.service';
import { MaintenanceQueryService } from './maintenance-query.service';
import { MaintenanceResolver } from './maintenance.resolver';
import { MaintenanceService } from './maintenance.service';
import { ReplacementSubscriber } from './replacement.subscriber';

/** Providers and their inventory, provider maintenances with the BCOP workflow, impacts, notifications and timeline. */
@Module({
  imports: [TypeOrmModule.forFeature(PROVIDER_MAINTENANCE_ENTITIES)],
  providers: [
    MaintenanceSuppressionSource,
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
    ImpactsResolver,
    ImpactTargetResolver,
    MaintenanceImpactsResolver,
  ],
  exports: [MaintenanceQueryService, MaintenanceService],
})
export class ProviderMaintenanceModule {}
