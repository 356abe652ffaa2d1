import { OptionalIdList } from '../common/graphql/id-list-field';
import { Timestamped } from '../common/timestamps';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { DeletionOutcome } from './deletion-outcome';
import { WindowState } from './window-state';

registerEnumType(WindowState, { name: 'MaintenanceWindowState', description: 'Relative to now.' });
registerEnumType(DeletionOutcome, {
  name: 'DeletionOutcome',
  description: 'DELETED: it had not started. ENDED: it was ongoing and now ends now.',
});

@ObjectType('MaintenanceWindowCreator', { description: 'Who made a window: the API token, and the user it was requested for if named.' })
export class MaintenanceWindowCreatorType {
  @Field(() => ID, { nullable: true }) tokenId!: string | null;
  @Field() tokenName!: string;
  requesterId!: string | null;
}

@ObjectType('MaintenanceWindow')
export class MaintenanceWindowType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date) endsAt!: Date;
  @Field() description!: string;
  @Field(() => MaintenanceWindowCreatorType) createdBy!: MaintenanceWindowCreatorType;
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
  @OptionalIdList(500) serviceIds?: string[];
  @Field(() => WindowState, { nullable: true }) @IsOptional() @IsEnum(WindowState) state?: WindowState;
  @Field(() => Date, { nullable: true, description: 'With `to`: windows overlapping [from, to).' }) from?: Date;
  @Field(() => Date, { nullable: true }) to?: Date;
}

@ObjectType('MaintenanceWindowDeletion')
export class MaintenanceWindowDeletionType {
  @Field(() => DeletionOutcome) outcome!: DeletionOutcome;
  @Field(() => MaintenanceWindowType, { description: 'The window as it was deleted, or as it now ends.' }) window!: MaintenanceWindowType;
}
