import { applyDecorators } from '@nestjs/common';
import { Field, ID } from '@nestjs/graphql';
import { ArrayMaxSize, IsOptional, IsUUID } from 'class-validator';

/** An optional list of ids in an input: at most `max` of them, each a UUID (else BAD_USER_INPUT naming the field). */
export function OptionalIdList(max: number, description?: string): PropertyDecorator {
  return applyDecorators(
    Field(() => [ID], { nullable: true, ...(description && { description }) }),
    IsOptional(),
    ArrayMaxSize(max),
    IsUUID(undefined, { each: true, message: 'must be UUIDs' }),
  );
}
