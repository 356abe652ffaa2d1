import { Timestamped } from '../common/timestamps';
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { ImpactTargetInput, TargetListField } from '../common/targets/impact-target.type';
import { MaintenanceEndAction, ServiceStatus } from './entities/service.entity';

registerEnumType(ServiceStatus, { name: 'ServiceStatus' });

const DEPENDS_ON_HELP =
  'The circuits, sites, locations, regions, monitors or other services it needs: a provider impact reaching any of them quiets it (NO_INCIDENT). A cycle is refused.';
registerEnumType(MaintenanceEndAction, {
  name: 'MaintenanceEndAction',
  description: 'What becomes of the alerts held over a maintenance when it ends: an incident opens, or they are dropped.',
});

@ObjectType('Service')
export class ServiceType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field({ description: 'Send events with this key instead of the service id.' }) integrationKey!: string;
  @Field(() => ServiceStatus) status!: ServiceStatus;
  @Field(() => MaintenanceEndAction, { description: 'What happens to the TRIGGERs held during a maintenance when it ends.' })
  onMaintenanceEnd!: MaintenanceEndAction;
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
  @TargetListField(DEPENDS_ON_HELP) dependsOn?: ImpactTargetInput[];
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
  @TargetListField(`Replaces the list. ${DEPENDS_ON_HELP}`) dependsOn?: ImpactTargetInput[];
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

@ArgsType()
export class AtArgs {
  @Field(() => Date, { nullable: true, description: 'Defaults to now.' }) at?: Date;
}
