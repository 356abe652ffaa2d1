import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { Clock } from '../common/clock/clock';
import { BadUserInputError } from '../common/errors/domain-error';
import { nextOccurrences } from '../schedule';
import { OccurrenceType } from './occurrence.type';
import { checkedSchedule } from './checked-schedule';
import { ScheduleInput } from './schedule.types';

const MAX_PREVIEW = 1000;

@Resolver()
export class SchedulePreviewResolver {
  constructor(private readonly clock: Clock) {}

  @Query(() => [OccurrenceType], {
    description: `The first \`limit\` occurrences (at most ${MAX_PREVIEW}) whose end is after \`from\` (default now), an ongoing one included, in start order.`,
  })
  schedulePreview(
    @Args('schedule', { type: () => ScheduleInput }) schedule: ScheduleInput,
    @Args('from', { type: () => Date, nullable: true }) from: Date | null,
    @Args('limit', { type: () => Int, defaultValue: 10 }) limit: number,
  ): OccurrenceType[] {
    if (limit < 1 || limit > MAX_PREVIEW) throw BadUserInputError.field('limit', `must be between 1 and ${MAX_PREVIEW}`);
    return nextOccurrences(checkedSchedule(schedule, 'schedule'), from ?? this.clock.now(), limit).map((o) =>
      OccurrenceType.of(o.start, o.end),
    );
  }
}
