import { Timestamped } from '../../common/timestamps';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsBoolean, IsEnum, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ChangeLogEntryType } from '../../common/changelog/changelog.types';
import { ConnectionType } from '../../common/pagination/connection';
import { ProviderWorkFilter } from '../provider-work-filter.types';
import { OutageStatus } from './outage-status';

registerEnumType(OutageStatus, { name: 'OutageStatus', description: 'Where the provider is with an unplanned outage.' });

const uuid = { message: 'must be a UUID' };

@ObjectType('Outage', { description: "A provider's unplanned outage: in effect from its start until resolved." })
export class OutageType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() summary!: string;
  @Field(() => OutageStatus) status!: OutageStatus;
  @Field(() => Date, { description: 'When it began.' }) startsAt!: Date;
  @Field(() => Date, { nullable: true, description: "The provider's estimated time to repair, if given." })
  estimatedTimeToRepair!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When it stopped: set when RESOLVED.' }) endsAt!: Date | null;
  @Field() acknowledged!: boolean;
  @Field() internalTicket!: string;
  @Field() comments!: string;
  providerId!: string;
}
export const OutageConnection = ConnectionType(OutageType, 'OutageConnection');

@InputType()
export class CreateOutageInput {
  @Field() @IsString() @Length(1, 100) name!: string;
  @Field(() => ID) @IsUUID(undefined, uuid) providerId!: string;
  @Field(() => Date, { nullable: true, description: 'When it began; now when omitted.' }) startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'Not before startsAt.' }) estimatedTimeToRepair?: Date;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 200) summary!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 100) internalTicket!: string;
  @Field({ defaultValue: '' }) @IsString() comments!: string;
}

@InputType({ description: 'Fields to change; the status changes only through the quick actions.' })
export class UpdateOutageInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 200) summary?: string;
  @Field(() => Date, { nullable: true }) startsAt?: Date;
  @Field(() => Date, { nullable: true, description: 'null clears it.' }) estimatedTimeToRepair?: Date | null;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 100) internalTicket?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() comments?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() acknowledged?: boolean;
}

@InputType()
export class OutageFilter extends ProviderWorkFilter {
  @Field(() => [OutageStatus], { nullable: true })
  @IsOptional()
  @IsEnum(OutageStatus, { each: true })
  status?: OutageStatus[];
  @Field({ nullable: true, description: 'Only outages not RESOLVED (true) or only RESOLVED ones (false).' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
  @Field({ nullable: true, description: 'Text in the name, summary or internal ticket.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
}

@ObjectType('OutageChange', { description: 'A committed change of a provider outage: the timeline entry, and the outage after it.' })
export class OutageChangeType {
  @Field(() => ChangeLogEntryType) change!: ChangeLogEntryType;
  @Field(() => OutageType, { nullable: true, description: 'Null once deleted.' }) outage!: OutageType | null;
}
