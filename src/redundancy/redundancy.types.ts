import { Timestamped } from '../common/timestamps';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { ImpactTargetInput, ImpactTargetType } from '../common/targets/impact-target.type';
import { MemberPriority } from './redundancy.entities';

registerEnumType(MemberPriority, {
  name: 'MemberPriority',
  description: 'PRIMARY, SECONDARY, TERTIARY: counted. INACTIVE: listed, not counted.',
});

@ObjectType('RedundancyGroupMember')
export class RedundancyGroupMemberType {
  @Field(() => ImpactTargetType) target!: ImpactTargetType;
  @Field(() => MemberPriority) priority!: MemberPriority;
}

@ObjectType('RedundancyGroup', {
  description: 'Paths that back each other up: at least minimumAvailable of the counting members must stay up.',
})
export class RedundancyGroupType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int) minimumAvailable!: number;
  @Field(() => [RedundancyGroupMemberType], { description: 'By priority, then type and id.' }) members!: RedundancyGroupMemberType[];
}
export const RedundancyGroupConnection = ConnectionType(RedundancyGroupType, 'RedundancyGroupConnection');

@InputType()
export class RedundancyGroupMemberInput {
  @Field(() => ImpactTargetInput) @ValidateNested() @Type(() => ImpactTargetInput) target!: ImpactTargetInput;
  @Field(() => MemberPriority, { defaultValue: MemberPriority.PRIMARY }) @IsEnum(MemberPriority) priority!: MemberPriority;
}

@InputType()
export class CreateRedundancyGroupInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => Int, { defaultValue: 1 }) @IsInt() @Min(1) @Max(1000) minimumAvailable!: number;
  @Field(() => [RedundancyGroupMemberInput], { defaultValue: [] })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RedundancyGroupMemberInput)
  members!: RedundancyGroupMemberInput[];
}

@InputType()
export class UpdateRedundancyGroupInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(1000) minimumAvailable?: number;
  @Field(() => [RedundancyGroupMemberInput], { nullable: true, description: 'Replaces the members.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RedundancyGroupMemberInput)
  members?: RedundancyGroupMemberInput[];
}

@InputType()
export class RedundancyGroupFilter {
  @Field({ nullable: true, description: 'Case-insensitive text in the name or description.' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;
  @Field(() => ID, { nullable: true, description: 'Only groups with this object as a member.' })
  @IsOptional()
  @IsUUID(undefined, { message: 'must be a UUID' })
  memberId?: string;
}

@InputType()
export class RedundancyRiskFilter {
  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  groupIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Only risks with a maintenance or outage of one of these providers among the causes.' })
  @IsOptional()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'must be UUIDs' })
  providerIds?: string[];
  @Field({ defaultValue: true, description: 'false: count TENTATIVE and UNKNOWN maintenances as not happening.' })
  @IsBoolean()
  includeTentative!: boolean;
}

@ArgsType()
export class RiskRangeArgs {
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
}
