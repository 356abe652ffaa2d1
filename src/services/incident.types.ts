import { OptionalIdList } from '../common/graphql/id-list-field';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { JSONScalar } from '../common/scalars/scalars';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import { EventAction, EventResult, EventSeverity, IncidentStatus } from './entities/incident.entity';

registerEnumType(IncidentStatus, { name: 'IncidentStatus' });
registerEnumType(EventAction, { name: 'EventAction' });
registerEnumType(EventSeverity, { name: 'EventSeverity' });
registerEnumType(EventResult, { name: 'EventResult', description: 'What Hush did with an event.' });

@InputType()
export class SendEventInput {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, { message: 'must be a UUID' }) serviceId?: string;
  @Field({ nullable: true, description: 'Instead of serviceId.' }) @IsOptional() @IsString() @Length(1, 200) integrationKey?: string;
  @Field(() => EventAction) @IsEnum(EventAction) action!: EventAction;
  @Field({
    nullable: true,
    description: 'Groups events into one incident. Required for ACKNOWLEDGE and RESOLVE; made up for a TRIGGER without one.',
  })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  dedupKey?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 1024) summary?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 255) source?: string;
  @Field(() => EventSeverity, { nullable: true }) @IsOptional() @IsEnum(EventSeverity) severity?: EventSeverity;
  @Field(() => JSONScalar, { nullable: true }) @IsOptional() details?: unknown;
}

@ObjectType('Incident')
export class IncidentType {
  @Field(() => ID) id!: string;
  @Field() dedupKey!: string;
  @Field(() => IncidentStatus) status!: IncidentStatus;
  @Field() summary!: string;
  @Field(() => EventSeverity) severity!: EventSeverity;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { description: 'When it opened: for an alert held over a maintenance, the moment it was released.' }) openedAt!: Date;
  @Field(() => Date, { nullable: true }) acknowledgedAt!: Date | null;
  @Field(() => Date, { nullable: true }) resolvedAt!: Date | null;
  @Field(() => [SuppressionReasonType], { description: 'The sources that held its alert until they ended; empty when it opened at once.' })
  heldBy!: SuppressionReasonType[];
  serviceId!: string;
}
export const IncidentConnection = ConnectionType(IncidentType, 'IncidentConnection');

@ObjectType('ServiceEvent', { description: 'An event as received, with what Hush did with it.' })
export class ServiceEventType {
  @Field(() => ID) id!: string;
  @Field(() => EventAction) action!: EventAction;
  @Field() dedupKey!: string;
  @Field(() => String, { nullable: true }) summary!: string | null;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => EventSeverity, { nullable: true }) severity!: EventSeverity | null;
  @Field(() => JSONScalar, { nullable: true }) details!: unknown;
  @Field(() => EventResult) result!: EventResult;
  @Field(() => [SuppressionReasonType]) reasons!: SuppressionReasonType[];
  @Field(() => Date) receivedAt!: Date;
  @Field(() => ID, { description: 'The service it was routed to.' }) serviceId!: string;
  incidentId!: string | null;
}

export const ServiceEventConnection = ConnectionType(ServiceEventType, 'ServiceEventConnection');

@InputType()
export class ServiceEventFilter {
  @OptionalIdList(500) serviceIds?: string[];
  @Field(() => [EventResult], { nullable: true }) @IsOptional() @IsEnum(EventResult, { each: true }) result?: EventResult[];
  @Field(() => Date, { nullable: true, description: 'Received at or after.' }) @IsOptional() from?: Date;
  @Field(() => Date, { nullable: true, description: 'Received before.' }) @IsOptional() to?: Date;
}

@ObjectType('EventOutcome')
export class EventOutcomeType {
  @Field(() => IncidentType, { nullable: true, description: 'The incident the event opened or acted on.' }) incident!: IncidentType | null;
  @Field({ description: 'True when something suppressed the service (a window, provider work) and no incident was opened.' })
  suppressed!: boolean;
  @Field(() => [SuppressionReasonType], { description: 'Every reason, when suppressed: the same the `suppression` query gives.' })
  reasons!: SuppressionReasonType[];
  @Field(() => ServiceEventType) event!: ServiceEventType;
}

@InputType()
export class IncidentFilter {
  @OptionalIdList(500) serviceIds?: string[];
  @Field(() => [IncidentStatus], { nullable: true }) @IsOptional() @IsEnum(IncidentStatus, { each: true }) status?: IncidentStatus[];
}
