import { Timestamped } from '../common/timestamps';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ChangeLogEntryType } from '../common/changelog/changelog.types';
import { ConnectionType } from '../common/pagination/connection';
import { TimeZoneScalar } from '../common/scalars/scalars';
import { Effect } from '../common/suppression/suppression.model';
import { ImpactTargetInput, ImpactTargetType } from '../common/targets/impact-target.type';
import { NotificationFormat } from './entities/notification.entity';
import { ImpactLevel, MaintenanceStatus } from './maintenance-status';
import { ProviderWorkFilter } from './provider-work-filter.types';

registerEnumType(MaintenanceStatus, { name: 'MaintenanceStatus', description: 'The BCOP status of a provider maintenance.' });
registerEnumType(ImpactLevel, { name: 'ImpactLevel' });
registerEnumType(NotificationFormat, { name: 'NotificationFormat' });

const uuid = { message: 'must be a UUID' };

@ObjectType('Maintenance', { description: "A provider's planned maintenance." })
export class MaintenanceType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() summary!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => MaintenanceStatus) status!: MaintenanceStatus;
  @Field() acknowledged!: boolean;
  @Field(() => TimeZoneScalar, { nullable: true, description: "The provider's zone, from its notification." }) originalTimeZone!:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      "The provider's name for its zone as its notice wrote it (TZID): an IANA or Windows name, or its own; kept even when originalTimeZone could not be told from it.",
  })
  originalTimeZoneName!: string | null;
  @Field() internalTicket!: string;
  @Field() comments!: string;
  @Field() impactDescription!: string;
  @Field(() => String, {
    nullable: true,
    description:
      "The provider's own id for it (BCOP MAINTENANCE-ID), when imported; when a provider's RE-SCHEDULED notice replaces it, the replacement holds it.",
  })
  providerMaintenanceId!: string | null;
  providerId!: string;
  replacesId!: string | null;
}
export const MaintenanceConnection = ConnectionType(MaintenanceType, 'MaintenanceConnection');

@InputType()
export class CreateMaintenanceInput {
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field() @IsString() @Length(1, 200) summary!: string;
  @Field(() => ID) @IsUUID(undefined, uuid) providerId!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field(() => MaintenanceStatus, { defaultValue: MaintenanceStatus.TENTATIVE }) @IsEnum(MaintenanceStatus) status!: MaintenanceStatus;
  @Field(() => TimeZoneScalar, { nullable: true }) @IsOptional() @IsString() originalTimeZone?: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 100) internalTicket!: string;
  @Field({ defaultValue: false }) @IsBoolean() acknowledged!: boolean;
  @Field({ defaultValue: '' }) @IsString() comments!: string;
  @Field({ defaultValue: '' }) @IsString() impactDescription!: string;
  @Field(() => ID, { nullable: true, description: 'The maintenance this one replaces; that one becomes RE_SCHEDULED.' })
  @IsOptional()
  @IsUUID(undefined, uuid)
  replacesId?: string;
}

@InputType()
export class UpdateMaintenanceInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) summary?: string;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true }) endsAt?: Date;
  @Field(() => MaintenanceStatus, { nullable: true, description: 'Only along the workflow.' })
  @IsOptional()
  @IsEnum(MaintenanceStatus)
  status?: MaintenanceStatus;
  @Field(() => TimeZoneScalar, { nullable: true }) @IsOptional() @IsString() originalTimeZone?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 100) internalTicket?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() acknowledged?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsString() comments?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() impactDescription?: string;
}

@InputType({ description: 'The new window (required) and any other field to change on the copy.' })
export class RescheduleMaintenanceInput {
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) summary?: string;
  @Field(() => TimeZoneScalar, { nullable: true }) @IsOptional() @IsString() originalTimeZone?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 100) internalTicket?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() comments?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() impactDescription?: string;
}

@InputType()
export class MaintenanceFilter extends ProviderWorkFilter {
  @Field(() => [MaintenanceStatus], { nullable: true })
  @IsOptional()
  @IsEnum(MaintenanceStatus, { each: true })
  status?: MaintenanceStatus[];
  @Field(() => Date, { nullable: true }) startsAfter?: Date;
  @Field(() => Date, { nullable: true }) startsBefore?: Date;
  @Field(() => Date, { nullable: true }) endsAfter?: Date;
  @Field(() => Date, { nullable: true }) endsBefore?: Date;
  @Field({ nullable: true, description: 'Only maintenances that replace another (true) or not (false).' })
  @IsOptional()
  @IsBoolean()
  hasReplaces?: boolean;
  @Field(() => ID, { nullable: true, description: 'Only the maintenances that replace this one.' })
  @IsOptional()
  @IsUUID(undefined, uuid)
  replacesId?: string;
  @Field({ nullable: true, description: 'Text in the name, summary, internal ticket or impact description.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

@ObjectType('Impact')
export class ImpactType {
  @Field(() => ID) id!: string;
  @Field(() => ImpactLevel) level!: ImpactLevel;
  @Field(() => ImpactTargetType) target!: ImpactTargetType;
}

@ObjectType('ImpactedTarget', { description: 'Something a maintenance or outage reaches, and how.' })
export class ImpactedTargetType {
  @Field(() => ImpactTargetType) target!: ImpactTargetType;
  @Field(() => [ImpactTargetType], {
    description: 'The chain from the impacted object to the target, both included (empty for an impacted object itself).',
  })
  via!: ImpactTargetType[];
  @Field(() => ImpactLevel, { description: 'The level of the impact it is reached from.' }) level!: ImpactLevel;
  @Field(() => [Effect], { description: 'What it gets while the maintenance is CONFIRMED or IN_PROCESS, or the outage is not resolved.' })
  effects!: Effect[];
}

@InputType()
export class AddImpactInput {
  @Field(() => ImpactTargetInput) target!: ImpactTargetInput;
  @Field(() => ImpactLevel) @IsEnum(ImpactLevel) level!: ImpactLevel;
}

@InputType()
export class UpdateImpactInput {
  @Field(() => ImpactLevel) @IsEnum(ImpactLevel) level!: ImpactLevel;
}

@ObjectType('EventNotification', { description: 'A provider message about a maintenance, as received.' })
export class EventNotificationType {
  @Field(() => ID) id!: string;
  @Field() subject!: string;
  @Field() sender!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field() body!: string;
  @Field(() => NotificationFormat) format!: NotificationFormat;
}

@InputType()
export class AttachNotificationInput {
  @Field() @IsString() @Length(1, 500) subject!: string;
  @Field() @IsString() @Length(1, 320) sender!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field() @IsString() @Length(0, 1_000_000) body!: string;
  @Field(() => NotificationFormat, { defaultValue: NotificationFormat.TEXT }) @IsEnum(NotificationFormat) format!: NotificationFormat;
}

@ObjectType('MaintenanceChange', {
  description: 'A committed change of a provider maintenance: the timeline entry, and the maintenance after it.',
})
export class MaintenanceChangeType {
  @Field(() => ChangeLogEntryType) change!: ChangeLogEntryType;
  @Field(() => MaintenanceType, { nullable: true, description: 'Null once deleted.' }) maintenance!: MaintenanceType | null;
}
