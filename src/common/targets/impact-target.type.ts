import { applyDecorators } from '@nestjs/common';
import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { namedValues, type NameOf } from '../named-values';

/** What a provider's work can affect and what a monitor or service can depend on: inventory, services and monitors. */
export const ImpactTargetKind = namedValues('CIRCUIT', 'SITE', 'LOCATION', 'REGION', 'SERVICE', 'MONITOR');
export type ImpactTargetKind = NameOf<typeof ImpactTargetKind>;
registerEnumType(ImpactTargetKind, { name: 'ImpactTargetType' });

@ObjectType('ImpactTarget', { description: 'A circuit, site, location, region, service or monitor.' })
export class ImpactTargetType {
  @Field(() => ImpactTargetKind) type!: ImpactTargetKind;
  @Field(() => ID) id!: string;
  /** Resolved by ImpactTargetResolver. */
  name?: string | null;

  static of(type: string, id: string): ImpactTargetType {
    return Object.assign(new ImpactTargetType(), { type, id });
  }
}

@InputType()
export class ImpactTargetInput {
  @Field(() => ImpactTargetKind) @IsEnum(ImpactTargetKind) type!: ImpactTargetKind;
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) id!: string;
}

/** An input field holding an optional list of targets (at most 100), each checked. */
export function TargetListField(description: string) {
  return applyDecorators(
    Field(() => [ImpactTargetInput], { nullable: true, description }),
    IsOptional(),
    ArrayMaxSize(100),
    ValidateNested({ each: true }),
    Type(() => ImpactTargetInput),
  );
}
