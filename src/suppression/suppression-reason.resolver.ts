import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import { SuppressionEngine } from './suppression-engine.service';
import { CalendarTargetType } from './suppression.types';

/** What a reason's source is on, so a reason reads "Ledger's window", not a bare id (names come from CalendarTarget.name). */
@Resolver(() => SuppressionReasonType)
export class SuppressionReasonResolver {
  constructor(private readonly engine: SuppressionEngine) {}

  @ResolveField(() => [CalendarTargetType], {
    description: 'What the source is on as it stands now (a blackout: EVENTS with its selector); empty once the source is gone.',
  })
  targets(@Parent() reason: SuppressionReasonType): CalendarTargetType[] {
    return this.engine.state.targetsOf(reason.source, reason.id);
  }
}
