import { TypeOrmModule } from '@nestjs/typeorm';
import { MONITORS_ENTITIES } from './monitor.entities';
import { PeriodSuppressionSource } from './period-suppression.source';
import { Module } from '@nestjs/common';
import { MaintenancePeriodsService } from './maintenance-periods.service';
import { MaintenancePeriodsResolver, MonitorGroupsResolver, MonitorsResolver } from './monitors.resolver';
import { MonitorsService } from './monitors.service';
import { PeriodScheduleOwner } from './period-schedule.owner';
import { ScheduleGraphQLModule } from '../schedule-graphql/schedule-graphql.module';

/** Monitors, monitor groups and the maintenance periods that silence them. */
@Module({
  imports: [TypeOrmModule.forFeature(MONITORS_ENTITIES), ScheduleGraphQLModule],
  providers: [
    PeriodSuppressionSource,
    MonitorsService,
    MaintenancePeriodsService,
    PeriodScheduleOwner,
    MonitorsResolver,
    MonitorGroupsResolver,
    MaintenancePeriodsResolver,
  ],
  exports: [MaintenancePeriodsService],
})
export class MonitorsModule {}
