import { Args, Query, Resolver } from '@nestjs/graphql';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import type { CalendarEntry, Decision } from '../common/suppression/suppression.model';
import { CalendarEntryType, CalendarFilterInput, SuppressionDecisionType, SuppressionTargetInput } from './suppression.types';
import { MAX_CALENDAR_DAYS, MAX_TARGETS, occurrenceId, SuppressionService } from './suppression.service';

const toDecision = (d: Decision): SuppressionDecisionType =>
  Object.assign(new SuppressionDecisionType(), {
    suppressed: d.suppressed,
    effects: d.effects,
    reasons: d.reasons.map((r) => SuppressionReasonType.from(r)),
  });

const toEntry = (e: CalendarEntry): CalendarEntryType => Object.assign(new CalendarEntryType(), e, { id: occurrenceId(e), sourceId: e.id });

@Resolver()
export class SuppressionResolver {
  constructor(private readonly service: SuppressionService) {}

  @Query(() => SuppressionDecisionType, { description: 'Is this service, monitor or event suppressed at `at` (default now), and why.' })
  suppression(
    @Args('target', { type: () => SuppressionTargetInput }) target: SuppressionTargetInput,
    @Args('at', { type: () => Date, nullable: true }) at: Date | null,
  ) {
    const [decision] = this.service.decide([target], at, 'target', false);
    return toDecision(decision);
  }

  @Query(() => [SuppressionDecisionType], { description: `One decision per target (at most ${MAX_TARGETS}), in order.` })
  suppressions(
    @Args('targets', { type: () => [SuppressionTargetInput] }) targets: SuppressionTargetInput[],
    @Args('at', { type: () => Date, nullable: true }) at: Date | null,
  ) {
    return this.service.decide(targets, at, 'targets', true).map(toDecision);
  }

  @Query(() => [CalendarEntryType], {
    description: `Every window, period occurrence, blackout occurrence and provider maintenance or outage overlapping [from, to) (at most ${MAX_CALENDAR_DAYS} days), by start; redundancy risks too when filter.sources names REDUNDANCY_RISK.`,
  })
  async calendar(
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('filter', { type: () => CalendarFilterInput, nullable: true }) filter: CalendarFilterInput | null,
  ) {
    return (await this.service.calendar(from, to, filter ?? {})).map(toEntry);
  }
}
