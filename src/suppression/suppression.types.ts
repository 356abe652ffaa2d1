import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { SuppressionReasonType, SuppressionSource } from '../common/graphql/suppression-reason.type';
import { EventInputType } from '../common/suppression/event-input.type';
import { Effect } from '../common/suppression/suppression.model';
import { OccurrenceType } from '../schedule-graphql/occurrence.type';
import { WindowTransitionKind } from './window-transitions';

registerEnumType(Effect, { name: 'Effect', description: 'What a suppression does to the target.' });

@InputType('SuppressionTarget', { description: 'Exactly one of a service, a monitor or an event.' })
export class SuppressionTargetInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() serviceId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() monitorId?: string;
  @Field(() => EventInputType, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EventInputType) event?: EventInputType;
}

@ObjectType('SuppressionDecision', { description: 'Whether a target is suppressed at an instant, what that does, and every reason.' })
export class SuppressionDecisionType {
  @Field() suppressed!: boolean;
  @Field(() => [Effect]) effects!: Effect[];
  @Field(() => [SuppressionReasonType]) reasons!: SuppressionReasonType[];
}

@InputType('CalendarFilter')
export class CalendarFilterInput {
  @Field(() => [SuppressionSource], { nullable: true }) sources?: SuppressionSource[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) serviceIds?: string[];
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true }) monitorIds?: string[];
}

@ObjectType('CalendarTarget', {
  description:
    'What a calendar entry, transition or suppression reason is on: SERVICE, MONITOR, CIRCUIT, SITE or LOCATION with its id; EVENTS with the selector for a blackout.',
})
export class CalendarTargetType {
  @Field() type!: string;
  @Field() id!: string;
}

@ObjectType('CalendarEntry')
export class CalendarEntryType {
  @Field(() => SuppressionSource) source!: SuppressionSource;
  @Field(() => ID, { description: 'This occurrence: unique across entries (the source and its start).' }) id!: string;
  @Field(() => ID, { description: 'The window, period, policy or maintenance it is an occurrence of.' }) sourceId!: string;
  @Field() title!: string;
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field({
    description:
      'True when the end is an estimate: an unresolved outage, shown to its estimated time to repair (or to now when that is unknown or past).',
  })
  estimated!: boolean;
  @Field(() => [CalendarTargetType]) targets!: CalendarTargetType[];
}

registerEnumType(WindowTransitionKind, {
  name: 'WindowTransitionKind',
  description:
    'An occurrence began (STARTED) or stopped (ENDED) being in effect; will end soon (ENDING_SOON, HUSH_ENDING_SOON_MINUTES before); had its end moved while in effect (EXTENDED, SHORTENED).',
});

@ObjectType('WindowTransition', { description: 'An occurrence of a window, period, blackout or provider maintenance starting or ending.' })
export class WindowTransitionType {
  @Field(() => WindowTransitionKind) kind!: WindowTransitionKind;
  @Field(() => Date, {
    description: 'The start, warning or end of the occurrence, or the moment a change put it in or out of effect or moved its end.',
  })
  at!: Date;
  @Field(() => SuppressionSource) source!: SuppressionSource;
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => OccurrenceType) occurrence!: OccurrenceType;
  @Field(() => [CalendarTargetType]) targets!: CalendarTargetType[];
}

@ArgsType()
export class WindowTransitionsArgs {
  @Field(() => [SuppressionSource], { nullable: true, description: 'Only these kinds of source (all when omitted).' })
  sources?: SuppressionSource[];
  @Field(() => [ID], { nullable: true, description: 'Only occurrences on one of these services.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  serviceIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Only occurrences on one of these monitors.' })
  @IsOptional()
  @IsUUID('all', { each: true })
  monitorIds?: string[];
}
