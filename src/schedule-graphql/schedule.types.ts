import { Field, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { LocalDateScalar, LocalTimeScalar, TimeZoneScalar } from '../common/scalars/scalars';
import { foldSkipDates, MAX_SKIP_DATES, type MonthWeekday, type Recurrence, type Schedule, type Weekday } from '../schedule';
import { namedValues, type NameOf } from '../common/named-values';

const SKIP_DATES = `Local dates on which an occurrence starting then does not happen; it still counts toward \`occurrences\`. At most ${MAX_SKIP_DATES}, kept once each in date order.`;

export const RecurrenceEnum = namedValues('ONE_TIME', 'DAILY', 'WEEKLY', 'MONTHLY');
export type RecurrenceEnum = NameOf<typeof RecurrenceEnum>;
registerEnumType(RecurrenceEnum, { name: 'Recurrence' });

export const WeekdayEnum = namedValues('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');
export type WeekdayEnum = NameOf<typeof WeekdayEnum>;
registerEnumType(WeekdayEnum, { name: 'Weekday' });

@InputType('MonthWeekdayInput')
export class MonthWeekdayInput implements MonthWeekday {
  @Field(() => Int, { description: '1..5, or -1 for the last.' }) ordinal!: number;
  @Field(() => WeekdayEnum) weekday!: Weekday;
}

@ObjectType('MonthWeekday', { description: '"second TUESDAY", "last FRIDAY".' })
export class MonthWeekdayType implements MonthWeekday {
  @Field(() => Int) ordinal!: number;
  @Field(() => WeekdayEnum) weekday!: Weekday;
}

/**
 * When something recurs, in one IANA zone. Checked by the schedule engine
 * (`validateSchedule`), which reports every problem with its field.
 */
@InputType('ScheduleInput')
export class ScheduleInput implements Schedule {
  @Field(() => RecurrenceEnum) recurrence!: Recurrence;
  @Field(() => TimeZoneScalar) timeZone!: string;
  @Field(() => LocalDateScalar, { description: 'First local day an occurrence may start.' }) startDate!: string;
  @Field(() => LocalTimeScalar) startTime!: string;
  @Field(() => LocalTimeScalar, { description: 'Before startTime: ends the next day. Equal: 24 hours.' }) endTime!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'ONE_TIME: the day the window closes. Recurring: the last day an occurrence may start.',
  })
  endDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Recurring: stop after this many occurrences.' }) occurrences?: number | null;
  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'Every N days, weeks or months, counted from startDate.' }) interval?:
    number | null;
  @Field(() => [WeekdayEnum], { nullable: true, description: 'DAILY: the days it fires (default all). WEEKLY: required.' }) weekdays?:
    Weekday[] | null;
  @Field(() => [Int], { nullable: true, description: 'MONTHLY: 1..31, or -1..-31 from the end of the month.' }) monthDays?: number[] | null;
  @Field(() => [MonthWeekdayInput], { nullable: true, description: 'MONTHLY, instead of monthDays.' }) monthWeekdays?:
    MonthWeekdayInput[] | null;
  @Field(() => [LocalDateScalar], { nullable: true, description: SKIP_DATES })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? foldSkipDates(value as string[]) : value))
  skipDates?: string[] | null;
}

@ObjectType('Schedule')
export class ScheduleType implements Schedule {
  @Field(() => RecurrenceEnum) recurrence!: Recurrence;
  @Field(() => TimeZoneScalar) timeZone!: string;
  @Field(() => LocalDateScalar) startDate!: string;
  @Field(() => LocalTimeScalar) startTime!: string;
  @Field(() => LocalTimeScalar) endTime!: string;
  @Field(() => LocalDateScalar, { nullable: true }) endDate?: string | null;
  @Field(() => Int, { nullable: true }) occurrences?: number | null;
  @Field(() => Int) interval!: number;
  @Field(() => [WeekdayEnum], { nullable: true }) weekdays?: Weekday[] | null;
  @Field(() => [Int], { nullable: true }) monthDays?: number[] | null;
  @Field(() => [MonthWeekdayType], { nullable: true }) monthWeekdays?: MonthWeekdayType[] | null;
  @Field(() => [LocalDateScalar], { nullable: true, description: SKIP_DATES }) skipDates?: string[] | null;

  static from(this: void, s: Schedule): ScheduleType {
    return Object.assign(new ScheduleType(), { ...s, interval: s.interval ?? 1, skipDates: s.skipDates ?? [] });
  }
}
