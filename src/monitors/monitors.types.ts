import { Timestamped } from '../common/timestamps';
import { PeriodStatus } from './period-status';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { SuppressionReasonType } from '../common/graphql/suppression-reason.type';
import { ImpactTargetInput, TargetListField } from '../common/targets/impact-target.type';
import { ScheduleInput } from '../schedule-graphql/schedule.types';
import { ScheduledType } from '../schedule-graphql/scheduled.type';
import { PeriodMaintenanceType, MonitorKind } from './monitor.entities';

registerEnumType(MonitorKind, { name: 'MonitorType', description: 'What kind of check a monitor runs.' });
registerEnumType(PeriodMaintenanceType, {
  name: 'MaintenanceType',
  description: 'DISABLE_MONITORING: no checks and no notifications. DISABLE_NOTIFICATIONS: checks run, nobody is told.',
});

registerEnumType(PeriodStatus, {
  name: 'MaintenancePeriodStatus',
  description: 'ACTIVE: in an occurrence now. SCHEDULED: one is to come. EXPIRED: none is left.',
});

const uuids = { each: true, message: 'must be UUIDs' };
const WATCHES_HELP =
  'The circuits, sites, locations, regions or services it checks: a provider impact reaching any of them quiets it (DISABLE_NOTIFICATIONS).';

@ObjectType('Monitor')
export class MonitorType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => MonitorKind) type!: MonitorKind;
  @Field({ description: 'What it checks: URL, host or address.' }) target!: string;
  @Field({ description: 'Whether the monitor is switched on at all (maintenance aside).' }) active!: boolean;
}
export const MonitorConnection = ConnectionType(MonitorType, 'MonitorConnection');

@ObjectType('MonitorGroup')
export class MonitorGroupType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
}
export const MonitorGroupConnection = ConnectionType(MonitorGroupType, 'MonitorGroupConnection');

@InputType()
export class CreateMonitorInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => MonitorKind, { defaultValue: MonitorKind.HTTP }) @IsEnum(MonitorKind) type!: MonitorKind;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) target!: string;
  @Field({ defaultValue: true }) @IsBoolean() active!: boolean;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(100) @IsUUID(undefined, uuids) groupIds?: string[];
  @TargetListField(WATCHES_HELP) watches?: ImpactTargetInput[];
}

@InputType()
export class UpdateMonitorInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => MonitorKind, { nullable: true }) @IsOptional() @IsEnum(MonitorKind) type?: MonitorKind;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) target?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => [ID], { nullable: true, description: 'Replaces the memberships.' })
  @IsOptional()
  @ArrayMaxSize(100)
  @IsUUID(undefined, uuids)
  groupIds?: string[];
  @TargetListField(`Replaces the list. ${WATCHES_HELP}`) watches?: ImpactTargetInput[];
}

@InputType()
export class MonitorFilter {
  @Field({ nullable: true, description: 'Text in the name or target.' }) @IsOptional() @IsString() @Length(1, 200) query?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID(undefined, { message: 'must be a UUID' }) groupId?: string;
}

@InputType()
export class CreateMonitorGroupInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(10_000) @IsUUID(undefined, uuids) monitorIds?: string[];
}

@InputType()
export class UpdateMonitorGroupInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => [ID], { nullable: true, description: 'Replaces the members.' })
  @IsOptional()
  @ArrayMaxSize(10_000)
  @IsUUID(undefined, uuids)
  monitorIds?: string[];
}

@ObjectType('MaintenancePeriod', { implements: () => [ScheduledType] })
export class MaintenancePeriodType extends Timestamped implements ScheduledType {
  @Field(() => ID) id!: string;
  @Field({ description: 'How reasons, calendars and feeds name it; when none was given, its type and recurrence.' }) name!: string;
  @Field() description!: string;
  @Field(() => PeriodMaintenanceType) maintenanceType!: PeriodMaintenanceType;
  monitorId!: string;
  groupId!: string | null;
}

@InputType()
export class MaintenancePeriodInput {
  @Field({ defaultValue: '', description: 'Empty: named by its type and recurrence.' }) @IsString() @Length(0, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => ScheduleInput) @ValidateNested() @Type(() => ScheduleInput) schedule!: ScheduleInput;
  @Field(() => PeriodMaintenanceType) @IsEnum(PeriodMaintenanceType) maintenanceType!: PeriodMaintenanceType;
}

@InputType()
export class UpdateMaintenancePeriodInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => ScheduleInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ScheduleInput) schedule?: ScheduleInput;
  @Field(() => PeriodMaintenanceType, { nullable: true })
  @IsOptional()
  @IsEnum(PeriodMaintenanceType)
  maintenanceType?: PeriodMaintenanceType;
}

@ObjectType('MonitorState')
export class MonitorStateType {
  @Field() monitoringEnabled!: boolean;
  @Field({ description: 'False whenever monitoring is disabled too.' }) notificationsEnabled!: boolean;
  @Field(() => [SuppressionReasonType], { description: 'Each active period with its occurrence.' }) reasons!: SuppressionReasonType[];
}
