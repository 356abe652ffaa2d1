import { TypeOrmModule } from '@nestjs/typeorm';
import { BLACKOUTS_ENTITIES } from './blackout.entities';
import { PolicySuppressionSource } from './policy-suppression.source';
import { Module } from '@nestjs/common';
import { BlackoutActionsService } from './blackout-actions.service';
import { BlackoutEventsService } from './blackout-events.service';
import { BlackoutPoliciesService } from './blackout-policies.service';
import { BlackoutWorker } from './blackout-worker';
import { BlackoutEventsResolver, BlackoutPoliciesResolver } from './blackouts.resolver';
import { PolicyCache } from './policy-cache';
import { PolicyScheduleOwner } from './policy-schedule.owner';
import { ScheduleGraphQLModule } from '../schedule-graphql/schedule-graphql.module';

/** Blackout policies over the event store, with start and end actions that run once across replicas. */
@Module({
  imports: [TypeOrmModule.forFeature(BLACKOUTS_ENTITIES), ScheduleGraphQLModule],
  providers: [
    PolicySuppressionSource,
    PolicyCache,
    BlackoutActionsService,
    BlackoutPoliciesService,
    PolicyScheduleOwner,
    BlackoutEventsService,
    BlackoutWorker,
    BlackoutPoliciesResolver,
    BlackoutEventsResolver,
  ],
  exports: [BlackoutEventsService, BlackoutWorker, PolicyCache],
})
export class BlackoutsModule {}
