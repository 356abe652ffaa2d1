import { TypeOrmModule } from '@nestjs/typeorm';
import { MONITORS_ENTITIES } from './monitor.entities';
import { PeriodSuppressionSource } from './period-suppression.source';
import { Module } from '@nestjs/common';
import { MaintenancePeriodsService } from './maintenance-periods.service';
import { MaintenancePeriodsResolver, MonitorGroupsResolver, MonitorsResolver } from './monitors.resolver';
import { MonitorsService } from './monitors.service';

/** Monitors, monitor groups and the maintenance periods that silence them. */
@Module({
  imports: [TypeOrmModule.forFeature(MONITORS_ENTITIES)],
  providers: [
    PeriodSuppressionSource,
    MonitorsService,
    MaintenancePeriodsService,
    MonitorsResolver,
    MonitorGroupsResolver,
    MaintenancePeriodsResolver,
  ],
  exports: [MaintenancePeriodsService],
})
export class MonitorsModule {}
