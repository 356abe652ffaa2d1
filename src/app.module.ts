import { Module } from '@nestjs/common';
import { BlackoutsModule } from './blackouts/blackouts.module';
import { AuthModule } from './common/auth/auth.module';
import { CommonModule } from './common/common.module';
import { HushGraphQLModule } from './common/graphql/graphql.module';
import { LoggingModule } from './common/logging/logging.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { MonitorsModule } from './monitors/monitors.module';
import { ProviderMaintenanceModule } from './provider-maintenance/provider-maintenance.module';
import { RedundancyModule } from './redundancy/redundancy.module';
import { ScheduleGraphQLModule } from './schedule-graphql/schedule-graphql.module';
import { ServicesModule } from './services/services.module';
import { SuppressionModule } from './suppression/suppression.module';

@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    CommonModule,
    HushGraphQLModule,
    AuthModule,
    ScheduleGraphQLModule,
    ServicesModule,
    MonitorsModule,
    ProviderMaintenanceModule,
    BlackoutsModule,
    SuppressionModule,
    RedundancyModule,
  ],
})
export class AppModule {}
