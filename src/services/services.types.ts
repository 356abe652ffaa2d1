import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { JSONScalar, TimeZoneScalar } from '../common/scalars/scalars';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import { EventAction, EventResult, EventSeverity, IncidentStatus } from './entities/incident.entity';
import { MaintenanceEndAction, ServiceStatus } from './entities/service.entity';
import { DeletionOutcome } from './deletion-outcome';
import { WindowState } from './window-state';

registerEnumType(ServiceStatus, { name: 'ServiceStatus' });
registerEnumType(MaintenanceEndAction, {
  name: 'MaintenanceEndAction',
  description: 'What becomes of the alerts held over a maintenance when it ends: an incident opens, or they are dropped.',
});
registerEnumType(IncidentStatus, { name: 'IncidentStatus' });
registerEnumType(EventAction, { name: 'EventAction' });
registerEnumType(EventSeverity, { name: 'EventSeverity' });
registerEnumType(EventResult, { name: 'EventResult', description: 'What Hush did with an event.' });

registerEnumType(WindowState, { name: 'MaintenanceWindowState', description: 'Relative to now.' });

registerEnumType(DeletionOutcome, {
  name: 'DeletionOutcome',
  description: 'DELETED: it had not started. ENDED: it was ongoing and now ends now.',
});

export enum TargetType {
  USER = 'USER',
}
registerEnumType(TargetType, { name: 'EscalationTargetType' });

// ---- users

@ObjectType('User')
export class UserType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => TimeZoneScalar) timeZone!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const UserConnection = ConnectionType(UserType, 'UserConnection');

@InputType()
export class CreateUserInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field() @IsEmail({}, { message: 'must be an email address' }) @Length(3, 320) email!: string;
  @Field(() => TimeZoneScalar, { defaultValue: 'UTC' }) @IsString() timeZone!: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an email address' }) @Length(3, 320) email?: string;
  @Field(() => TimeZoneScalar, { nullable: true }) @IsOptional() @IsString() timeZone?: string;
}

// ---- escalation policies

@ObjectType('EscalationTarget')
export class EscalationTargetType {
  @Field(() => TargetType) type!: TargetType;
  @Field(() => ID) id!: string;
}

@ObjectType('EscalationRule')
export class EscalationRuleType {
  @Field(() => ID) id!: string;
  @Field(() => Int) delayMinutes!: number;
}

@ObjectType('EscalationPolicy')
export class EscalationPolicyType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int) numLoops!: number;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const EscalationPolicyConnection = ConnectionType(EscalationPolicyType, 'EscalationPolicyConnection');

@InputType()
export class EscalationTargetInput {
  @Field(() => TargetType, { defaultValue: TargetType.USER }) @IsEnum(TargetType) type!: TargetType;
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) id!: string;
}

@InputType()
export class EscalationRuleInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(10080) delayMinutes!: number;
  @Field(() => [EscalationTargetInput])
  @ArrayMinSize(1, { message: 'needs at least one target' })
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => EscalationTargetInput)
  targets!: EscalationTargetInput[];
}

@InputType()
export class CreateEscalationPolicyInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(9) numLoops!: number;
  @Field(() => [EscalationRuleInput])
  @ArrayMinSize(1, { message: 'needs at least one rule' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EscalationRuleInput)
  rules!: EscalationRuleInput[];
}

@InputType()
export class UpdateEscalationPolicyInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(9) numLoops?: number;
  @Field(() => [EscalationRuleInput], { nullable: true, description: 'Replaces all rules when given.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'needs at least one rule' })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => EscalationRuleInput)
  rules?: EscalationRuleInput[];
}

// ---- services

@ObjectType('Service')
export class ServiceType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field({ description: 'Send events with this key instead of the service id.' }) integrationKey!: string;
  @Field(() => ServiceStatus) status!: ServiceStatus;
  @Field(() => MaintenanceEndAction, { description: 'What happens to the TRIGGERs held during a maintenance when it ends.' })
  onMaintenanceEnd!: MaintenanceEndAction;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
  escalationPolicyId!: string;
}
export const ServiceConnection = ConnectionType(ServiceType, 'ServiceConnection');

@InputType()
export class CreateServiceInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) escalationPolicyId!: string;
  @Field(() => ServiceStatus, { defaultValue: ServiceStatus.ACTIVE }) @IsEnum(ServiceStatus) status!: ServiceStatus;
  @Field(() => MaintenanceEndAction, { defaultValue: MaintenanceEndAction.OPEN_INCIDENT })
  @IsEnum(MaintenanceEndAction)
  onMaintenanceEnd!: MaintenanceEndAction;
}

@InputType()
export class UpdateServiceInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, { message: 'must be a UUID' }) escalationPolicyId?: string;
  @Field(() => ServiceStatus, { nullable: true }) @IsOptional() @IsEnum(ServiceStatus) status?: ServiceStatus;
  @Field(() => MaintenanceEndAction, { nullable: true })
  @IsOptional()
  @IsEnum(MaintenanceEndAction)
  onMaintenanceEnd?: MaintenanceEndAction;
}

@InputType()
export class ServiceFilter {
  @Field({ nullable: true, description: 'Case-insensitive text in the name or description.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  query?: string;
  @Field({ nullable: true, description: 'Only services in (true) or out of (false) maintenance now.' })
  @IsOptional()
  inMaintenance?: boolean;
}

// ---- maintenance windows

@ObjectType('MaintenanceWindowCreator', { description: 'Who made a window: the API token, and the user it was requested for if named.' })
export class MaintenanceWindowCreatorType {
  @Field(() => ID, { nullable: true }) tokenId!: string | null;
  @Field() tokenName!: string;
  requesterId!: string | null;
}

@ObjectType('MaintenanceWindow')
export class MaintenanceWindowType {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field() description!: string;
  @Field(() => MaintenanceWindowCreatorType) createdBy!: MaintenanceWindowCreatorType;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) updatedAt!: Date;
}
export const MaintenanceWindowConnection = ConnectionType(MaintenanceWindowType, 'MaintenanceWindowConnection');

@InputType()
export class CreateMaintenanceWindowInput {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'needs at least one service' })
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: 'must be UUIDs' })
  serviceIds!: string[];
  @Field(() => ID, { nullable: true, description: 'The user the window is made for, if not the token holder.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  requesterId?: string;
}

@InputType()
export class UpdateMaintenanceWindowInput {
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => [ID], { nullable: true, description: 'Replaces the services when given; cannot be empty.' })
  @IsOptional()
  @ArrayMinSize(1, { message: 'cannot be empty: a window needs at least one service' })
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: 'must be UUIDs' })
  serviceIds?: string[];
}

@InputType()
export class MaintenanceWindowFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: 'must be UUIDs' })
  serviceIds?: string[];
  @Field(() => WindowState, { nullable: true }) @IsOptional() @IsEnum(WindowState) state?: WindowState;
  @Field(() => Date, { nullable: true, description: 'With `to`: windows overlapping [from, to).' }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}

@ObjectType('MaintenanceWindowDeletion')
export class MaintenanceWindowDeletionType {
  @Field(() => DeletionOutcome) outcome!: DeletionOutcome;
  @Field(() => MaintenanceWindowType, { description: 'The window as it was deleted, or as it now ends.' }) window!: MaintenanceWindowType;
}

// ---- events and incidents

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
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: 'must be UUIDs' })
  serviceIds?: string[];
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
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(500)
  @IsUUID(undefined, { each: true, message: 'must be UUIDs' })
  serviceIds?: string[];
  @Field(() => [IncidentStatus], { nullable: true }) @IsOptional() @IsEnum(IncidentStatus, { each: true }) status?: IncidentStatus[];
}

@ArgsType()
export class AtArgs {
  @Field(() => Date, { nullable: true, description: 'Defaults to now.' }) at?: Date;
}
