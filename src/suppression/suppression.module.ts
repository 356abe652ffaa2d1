import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { CalendarFeedController } from './calendar-feed.controller';
import { CalendarTargetResolver } from './calendar-target.resolver';
import { LiveResolver } from './live.resolver';
import { SuppressionEngine } from './suppression-engine.service';
import { SuppressionReasonResolver } from './suppression-reason.resolver';
import { SuppressionResolver } from './suppression.resolver';
import { SuppressionService } from './suppression.service';
import { SUPPRESSION_ENTITIES } from './window-transition.entity';
import { WindowTransitionFeed } from './window-transition.feed';
import { WindowTransitionWorker } from './window-transition.worker';

/**
 * The one answer for every alert: an in-memory engine over the sources every
 * module registers, offered to them as the SuppressionPort; its own queries,
 * the calendar feed and live transitions.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature(SUPPRESSION_ENTITIES)],
  controllers: [CalendarFeedController],
  providers: [
    SuppressionEngine,
    { provide: SuppressionPort, useExisting: SuppressionEngine },
    SuppressionService,
    SuppressionResolver,
    CalendarTargetResolver,
    SuppressionReasonResolver,
    WindowTransitionWorker,
    WindowTransitionFeed,
    LiveResolver,
  ],
  exports: [SuppressionPort, WindowTransitionWorker],
})
export class SuppressionModule {}
