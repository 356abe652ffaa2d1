import { Timestamped } from '../common/timestamps';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { namedValues, type NameOf } from '../common/named-values';

export const TargetType = namedValues('USER');
export type TargetType = NameOf<typeof TargetType>;
registerEnumType(TargetType, { name: 'EscalationTargetType' });

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
export class EscalationPolicyType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() description!: string;
  @Field(() => Int) numLoops!: number;
}
export const EscalationPolicyConnection = ConnectionType(EscalationPolicyType, 'EscalationPolicyConnection');

/** A list input field of one to `max` `item`s, each checked; `empty` is what an empty list is told. */
function NestedList(item: new () => object, max: number, empty: string, options: { nullable?: boolean; description?: string } = {}) {
  return applyDecorators(
    Field(() => [item], options),
    ...(options.nullable ? [IsOptional()] : []),
    ArrayMinSize(1, { message: empty }),
    ArrayMaxSize(max),
    ValidateNested({ each: true }),
    Type(() => item),
  );
}

@InputType()
export class EscalationTargetInput {
  @Field(() => TargetType, { defaultValue: TargetType.USER }) @IsEnum(TargetType) type!: TargetType;
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) id!: string;
}

@InputType()
export class EscalationRuleInput {
  @Field(() => Int) @IsInt() @Min(1) @Max(10080) delayMinutes!: number;
  @NestedList(EscalationTargetInput, 10, 'needs at least one target') targets!: EscalationTargetInput[];
}

@InputType()
export class CreateEscalationPolicyInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 2000) description!: string;
  @Field(() => Int, { defaultValue: 0 }) @IsInt() @Min(0) @Max(9) numLoops!: number;
  @NestedList(EscalationRuleInput, 20, 'needs at least one rule') rules!: EscalationRuleInput[];
}

@InputType()
export class UpdateEscalationPolicyInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 2000) description?: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(9) numLoops?: number;
  @NestedList(EscalationRuleInput, 20, 'needs at least one rule', { nullable: true, description: 'Replaces all rules when given.' })
  rules?: EscalationRuleInput[];
}
