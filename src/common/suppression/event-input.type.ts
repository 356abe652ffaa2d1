import { Field, ID, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, Length } from 'class-validator';
import type { SelectorEvent } from '../../selector';
import { JSONScalar } from '../scalars/scalars';

/** An event as alert pipelines send it: blackout ingest takes it, and so does a suppression decision. */
@InputType('EventInput', { description: 'All fields optional; severity is free text (CRITICAL, MAJOR, MINOR, WARNING, INFO, OK).' })
export class EventInputType {
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 200) class?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 50) severity?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 10_000) message?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 500) host?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 500) objectId?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() @Length(0, 500) identifier?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() serviceId?: string;
  @Field(() => JSONScalar, { nullable: true }) @IsOptional() attributes?: Record<string, unknown>;
}

/** The fields a selector sees, from a stored or incoming event, with every missing one null. */
export function toSelectorEvent(e: SelectorEvent): SelectorEvent {
  return {
    class: e.class ?? null,
    severity: e.severity ?? null,
    message: e.message ?? null,
    host: e.host ?? null,
    objectId: e.objectId ?? null,
    identifier: e.identifier ?? null,
    serviceId: e.serviceId ?? null,
    attributes: e.attributes ?? null,
  };
}
