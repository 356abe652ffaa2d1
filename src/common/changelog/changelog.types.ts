import { ArgsType, Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { JSONScalar } from '../scalars/scalars';
import { ConnectionType } from '../pagination/connection';
import type { ChangeLogEntry } from './changelog-entry.entity';

@ObjectType('ChangeLogEntry', { description: 'One recorded change of one object.' })
export class ChangeLogEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'e.g. ApiToken, MaintenanceWindow' }) objectType!: string;
  @Field(() => ID) objectId!: string;
  @Field({ description: 'CREATE, UPDATE, DELETE or TRANSITION' }) action!: string;
  @Field(() => Date) at!: Date;
  @Field({ description: 'Name of the API token that made the change, or "hush" for Hush itself.' }) actor!: string;
  @Field(() => ID, { nullable: true }) actorTokenId!: string | null;
  @Field(() => JSONScalar, { description: '`{ field: { before, after } }` for each changed field.' }) changes!: Record<string, unknown>;
  @Field(() => String, { nullable: true, description: "The object's status after the change, where it has one." }) status!: string | null;

  static from(this: void, entry: ChangeLogEntry): ChangeLogEntryType {
    const { id, objectType, objectId, action, at, actorTokenId, changes, status } = entry;
    return Object.assign(new ChangeLogEntryType(), {
      id,
      objectType,
      objectId,
      action,
      at,
      actor: entry.actorName,
      actorTokenId,
      changes,
      status,
    });
  }
}

export const ChangeLogConnection = ConnectionType(ChangeLogEntryType, 'ChangeLogConnection');

@InputType()
export class ChangeLogFilter {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(1, 100) objectType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() objectId?: string;
}

@ArgsType()
export class ChangeLoggedArgs {
  @Field({ nullable: true }) @IsOptional() @IsString() objectType?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID() objectId?: string;
}
