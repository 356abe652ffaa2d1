import { Module } from '@nestjs/common';
import { BlackoutsModule } from '../blackouts/blackouts.module';
import { CalendarFeedController } from './calendar-feed.controller';
import { SuppressionIndex } from './suppression-index.service';
import { SuppressionResolver } from './suppression.resolver';
import { SuppressionService } from './suppression.service';

/** The unified read side: one answer for every alert, from an in-memory index of all sources. */
@Module({
  imports: [BlackoutsModule],
  controllers: [CalendarFeedController],
  providers: [SuppressionIndex, SuppressionService, SuppressionResolver],
  exports: [SuppressionService],
})
export class SuppressionModule {}
