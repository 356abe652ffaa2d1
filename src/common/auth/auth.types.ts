import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import type { ApiToken } from './api-token.entity';
import { Role } from './role';

@ObjectType('ApiToken', { description: 'An API token; its secret is never shown after creation.' })
export class ApiTokenType {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => Role) role!: Role;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt!: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;

  static from(this: void, token: ApiToken): ApiTokenType {
    const { id, name, role, createdAt, lastUsedAt, revokedAt } = token;
    return Object.assign(new ApiTokenType(), { id, name, role, createdAt, lastUsedAt, revokedAt });
  }
}

@ObjectType()
export class CreatedApiToken {
  @Field({ description: 'The secret to send as "Authorization: Bearer <token>". Shown only here, once.' })
  token!: string;
  @Field(() => ApiTokenType) apiToken!: ApiTokenType;
}

@InputType()
export class CreateApiTokenInput {
  @Field()
  @IsString()
  @Length(1, 100)
  name!: string;

  @Field(() => Role)
  @IsEnum(Role)
  role!: Role;
}
