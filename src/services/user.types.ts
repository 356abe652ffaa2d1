import { Timestamped } from '../common/timestamps';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsOptional, IsString, Length } from 'class-validator';
import { ConnectionType } from '../common/pagination/connection';
import { TimeZoneScalar } from '../common/scalars/scalars';

@ObjectType('User')
export class UserType extends Timestamped {
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field() email!: string;
  @Field(() => TimeZoneScalar) timeZone!: string;
}
export const UserConnection = ConnectionType(UserType, 'UserConnection');

@InputType()
export class CreateUserInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field() @IsEmail({}, { message: 'must be an email address' }) @Length(3, 320) email!: string;
  @Field(() => TimeZoneScalar, { defaultValue: 'UTC' }) @IsString() timeZone!: string;
}

@InputType()
export class UpdateUserInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 200) name?: string;
  @Field({ nullable: true }) @IsOptional() @IsEmail({}, { message: 'must be an email address' }) @Length(3, 320) email?: string;
  @Field(() => TimeZoneScalar, { nullable: true }) @IsOptional() @IsString() timeZone?: string;
}
