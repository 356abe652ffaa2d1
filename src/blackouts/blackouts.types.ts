import { OptionalIdList } from '../common/graphql/id-list-field';
import { Timestamped } from '../common/timestamps';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { JSONScalar } from '../common/scalars/scalars';
import { ScheduleInput } from '../schedule-graphql/schedule.types';
import { ScheduledType } from '../schedule-graphql/scheduled.type';
import { EventStatus, PolicyRunKind } from './blackout.entities';
import { PolicyStatus } from './policy-status';
import { namedValues, type NameOf } from '../common/named-values';

registerEnumType(PolicyStatus, { name: 'PolicyStatus' });
registerEnumType(PolicyRunKind, { name: 'PolicyRunKind', description: "A blackout policy occurrence's START or END." });
registerEnumType(EventStatus, { name: 'EventStatus' });

export const PolicySortField = namedValues('NAME', 'EXECUTION_ORDER', 'CREATED_AT', 'UPDATED_AT');
export type PolicySortField = NameOf<typeof PolicySortField>;
registerEnumType(PolicySortField, { name: 'BlackoutPolicySortField' });

export const SortOrder = namedValues('ASC', 'DESC');
export type SortOrder = NameOf<typeof SortOrder>;
registerEnumType(SortOrder, { name: 'SortOrder' });

const BROAD =
  'Save a selector that would have matched more than half of the last 1,000 events (checked when at least 100 are stored); without it such a selector is BAD_USER_INPUT.';

@ObjectType('BlackoutPolicy', { implements: () => [ScheduledType] })
export class BlackoutPolicyType extends Timestamped implements ScheduledType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int, { description: '0..9999; lower wins when several policies match an event.' }) executionOrder!: number;
  @Field({ description: 'Which events it applies to, in the selector language.' }) selector!: string;
  @Field() enabled!: boolean;
  @Field({ description: 'At the start of each occurrence, black out the OPEN events the selector matches.' })
  blackoutExistingEvents!: boolean;
  @Field({ description: 'At the end of each occurrence, give the events it blacked out their previous status back.' })
  resetStatusOnBlackoutEnd!: boolean;
  @Field({ description: 'Name of the API token that created it.' }) owner!: string;
  @Field(() => Date, {
    nullable: true,
    description: 'The last time ingestEvents blacked out an event by this policy; null: never. Finds policies nothing needs any more.',
  })
  lastMatchedAt!: Date | null;
}

@ObjectType('BlackoutPolicyPage')
export class BlackoutPolicyPage {
  @Field(() => Int) totalCount!: number;
  @Field(() => [BlackoutPolicyType]) nodes!: BlackoutPolicyType[];
}

@InputType()
export class CreateBlackoutPolicyInput {
  @Field({ description: 'Unique regardless of case; cannot change later.' }) @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(9999) executionOrder!: number;
  @Field() @IsString() @Length(1, 10_000) selector!: string;
  @Field({ defaultValue: false }) @IsBoolean() enabled!: boolean;
  @Field(() => ScheduleInput) @ValidateNested() @Type(() => ScheduleInput) schedule!: ScheduleInput;
  @Field({ defaultValue: false }) @IsBoolean() blackoutExistingEvents!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() resetStatusOnBlackoutEnd!: boolean;
  @Field({ nullable: true, description: BROAD })
  @IsOptional()
  @IsBoolean()
  confirmBroad?: boolean;
}

@InputType()
export class UpdateBlackoutPolicyInput {
  @Field({ nullable: true, description: 'Only the same name is accepted: names are fixed.' }) @IsOptional() @IsString() name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(9999) executionOrder?: number;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 10_000) selector?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field(() => ScheduleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ScheduleInput) schedule?: ScheduleInput;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() blackoutExistingEvents?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() resetStatusOnBlackoutEnd?: boolean;
  @Field({ nullable: true, description: BROAD })
  @IsOptional()
  @IsBoolean()
  confirmBroad?: boolean;
}

@InputType()
export class BlackoutPolicySearch {
  @Field({ nullable: true, description: 'Case-insensitive text in the name or description.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() enabled?: boolean;
  @Field(() => [PolicyStatus], { nullable: true }) @IsOptional() @IsEnum(PolicyStatus, { each: true }) status?: PolicyStatus[];
}

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 1, description: '1-based.' }) @IsInt() @Min(1) index!: number;
  @Field(() => Int, { defaultValue: 25, description: '1..500.' }) @IsInt() @Min(1) @Max(500) size!: number;
}

@InputType()
export class BlackoutPolicySort {
  @Field(() => PolicySortField, { defaultValue: PolicySortField.NAME }) @IsEnum(PolicySortField) field!: PolicySortField;
  @Field(() => SortOrder, { defaultValue: SortOrder.ASC }) @IsEnum(SortOrder) order!: SortOrder;
}

@ObjectType('SelectorError')
export class SelectorErrorType {
  @Field() message!: string;
  @Field(() => Int, { description: '0-based offset in the selector.' }) position!: number;
}

@ObjectType('SelectorValidation')
export class SelectorValidationType {
  @Field() valid!: boolean;
  @Field(() => SelectorErrorType, { nullable: true }) error!: SelectorErrorType | null;
  @Field(() => [String], { description: 'For a valid selector: each field it reads that no recent event has carried (often a typo).' })
  warnings!: string[];
}

@ObjectType('BlackoutEvent', { description: 'An event stored for blackout policies (not a ServiceEvent sent to a service).' })
export class BlackoutEventType {
  @Field(() => ID) id!: string;
  @Field(() => EventStatus) status!: EventStatus;
  @Field(() => EventStatus, { nullable: true }) previousStatus!: EventStatus | null;
  @Field(() => String, { nullable: true }) class!: string | null;
  @Field(() => String, { nullable: true }) severity!: string | null;
  @Field(() => String, { nullable: true }) message!: string | null;
  @Field(() => String, { nullable: true }) host!: string | null;
  @Field(() => String, { nullable: true }) objectId!: string | null;
  @Field(() => String, { nullable: true }) identifier!: string | null;
  @Field(() => ID, { nullable: true }) serviceId!: string | null;
  @Field(() => JSONScalar, { nullable: true }) attributes!: Record<string, unknown> | null;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description: "When a policy's END released it (see releasedFrom); null while blacked out, or never.",
  })
  releasedAt!: Date | null;
  blackedOutById!: string | null;
  releasedFromId!: string | null;
}

@ObjectType('PolicyRun', {
  description: "A policy's latest occurrence that has begun, and the last of its START and END that ran (null until one ran).",
})
export class PolicyRunType {
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => PolicyRunKind, { nullable: true, description: 'START (blacking out existing events) or END (releasing them).' })
  kind!: PolicyRunKind | null;
  @Field(() => Date, { nullable: true, description: 'When it ran.' }) at!: Date | null;
  @Field(() => Int, { description: 'Events it blacked out (START) or released (END).' }) eventsAffected!: number;
}

export const BlackoutEventConnection = ConnectionType(BlackoutEventType, 'BlackoutEventConnection');

@InputType()
export class BlackoutEventFilter {
  @OptionalIdList(1000) ids?: string[];
  @Field(() => [EventStatus], { nullable: true }) @IsOptional() @IsEnum(EventStatus, { each: true }) status?: EventStatus[];
  @Field(() => ID, { nullable: true, description: 'Events blacked out by this policy.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  policyId?: string;
  @Field({ nullable: true, description: 'Text in the message, host, object or class.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  text?: string;
}

/** The filter's name before it was BlackoutEventFilter, so variables declared with it still work on `events`. */
@InputType('EventFilter', { description: 'Deprecated: use BlackoutEventFilter with blackoutEvents.' })
export class LegacyEventFilter extends BlackoutEventFilter {}
