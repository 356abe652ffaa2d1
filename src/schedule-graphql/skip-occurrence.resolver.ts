import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { BadUserInputError } from '../common/errors/domain-error';
import { foldSkipDates, MAX_SKIP_DATES, skipDateOf, type Schedule } from '../schedule';
import { ScheduleOwners } from './schedule-owners';
import { ScheduledType } from './scheduled.type';

const OWNER_ARGUMENTS = ['periodId', 'blackoutPolicyId'] as const;

/** The schedule with the local date of the occurrence starting at `start` added to its skip dates. */
function skipping(start: Date) {
  return (schedule: Schedule): Schedule => {
    const date = skipDateOf(schedule, start);
    if (!date) throw BadUserInputError.field('start', `no occurrence of the schedule starts at ${start.toISOString()}`);
    const skipDates = foldSkipDates([...(schedule.skipDates ?? []), date]);
    if (skipDates.length > MAX_SKIP_DATES)
      throw BadUserInputError.field('start', `the schedule already skips ${MAX_SKIP_DATES} dates, the most it may`);
    return { ...schedule, skipDates };
  };
}

@Resolver()
export class SkipOccurrenceResolver {
  constructor(private readonly owners: ScheduleOwners) {}

  @Mutation(() => ScheduledType, {
    description:
      'Skips the one occurrence that starts exactly at `start`: adds its local date to the schedule of the period or the policy (give exactly one id) and returns it. Refused (BAD_USER_INPUT on `start`) when no occurrence starts then; a policy in an occurrence is POLICY_ACTIVE, as for any update.',
  })
  skipOccurrence(
    @Args('periodId', { type: () => ID, nullable: true }) periodId: string | null,
    @Args('blackoutPolicyId', { type: () => ID, nullable: true }) blackoutPolicyId: string | null,
    @Args('start', { type: () => Date }) start: Date,
    @CurrentActor() actor: Actor,
  ): Promise<ScheduledType> {
    const ids = { periodId, blackoutPolicyId };
    const given = OWNER_ARGUMENTS.filter((argument) => ids[argument]);
    if (given.length !== 1) {
      const message = 'give exactly one of periodId and blackoutPolicyId';
      throw new BadUserInputError((given.length ? given : OWNER_ARGUMENTS).map((path) => ({ path, message })));
    }
    return this.owners.get(given[0]).changeSchedule(ids[given[0]]!, skipping(start), actor);
  }
}
