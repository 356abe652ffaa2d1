import { Args, Query, Resolver } from '@nestjs/graphql';
import { OccurrenceType } from '../scheduling/occurrence.type';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import type { CalendarEntry, Decision } from './suppression-sources';
import { CalendarEntryType, CalendarFilterInput, SuppressionDecisionType, SuppressionTargetInput } from './suppression.types';
import { MAX_CALENDAR_DAYS, MAX_TARGETS, SuppressionService } from './suppression.service';

const toDecision = (d: Decision): SuppressionDecisionType =>
  Object.assign(new SuppressionDecisionType(), {
    suppressed: d.suppressed,
    effects: d.effects,
    reasons: d.reasons.map((r) =>
      Object.assign(new SuppressionReasonType(), { ...r, occurrence: OccurrenceType.of(r.occurrence.start, r.occurrence.end) }),
    ),
  });

const toEntry = (e: CalendarEntry): CalendarEntryType => Object.assign(new CalendarEntryType(), e);

@Resolver()
export class SuppressionResolver {
  constructor(private readonly service: SuppressionService) {}

  @Query(() => SuppressionDecisionType, { description: 'Is this service, monitor or event suppressed at `at` (default now), and why.' })
  async suppression(
    @Args('target', { type: () => SuppressionTargetInput }) target: SuppressionTargetInput,
    @Args('at', { type: () => Date, nullable: true }) at: Date | null,
  ) {
    const [decision] = await this.service.decide([target], at, 'target', false);
    return toDecision(decision);
  }

  @Query(() => [SuppressionDecisionType], { description: `One decision per target (at most ${MAX_TARGETS}), in order.` })
  async suppressions(
    @Args('targets', { type: () => [SuppressionTargetInput] }) targets: SuppressionTargetInput[],
    @Args('at', { type: () => Date, nullable: true }) at: Date | null,
  ) {
    return (await this.service.decide(targets, at, 'targets', true)).map(toDecision);
  }

  @Query(() => [CalendarEntryType], {
    description: `Every window, period occurrence, blackout occurrence and provider maintenance overlapping [from, to) (at most ${MAX_CALENDAR_DAYS} days), by start.`,
  })
  async calendar(
    @Args('from', { type: () => Date }) from: Date,
    @Args('to', { type: () => Date }) to: Date,
    @Args('filter', { type: () => CalendarFilterInput, nullable: true }) filter: CalendarFilterInput | null,
  ) {
    return (await this.service.calendar(from, to, filter ?? {})).map(toEntry);
  }
}
