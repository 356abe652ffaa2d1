import { Module } from '@nestjs/common';
import { BlackoutsModule } from '../blackouts/blackouts.module';
import { ProviderMaintenanceModule } from '../provider-maintenance/provider-maintenance.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { SuppressionIndex } from './suppression-index.service';
import { SuppressionResolver } from './suppression.resolver';
import { SuppressionService } from './suppression.service';
import { LiveResolver } from './live.resolver';
import { WindowTransitionFeed } from './window-transition.feed';
import { WindowTransitionWorker } from './window-transition.worker';

/** The unified read side: one answer for every alert, from an in-memory index of all sources. */
@Module({
  imports: [BlackoutsModule, ProviderMaintenanceModule],
  controllers: [CalendarFeedController],
  providers: [SuppressionIndex, SuppressionService, SuppressionResolver, WindowTransitionWorker, WindowTransitionFeed, LiveResolver],
  exports: [SuppressionService, WindowTransitionWorker],
})
export class SuppressionModule {}
