import { Args, Field, ID, InputType, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { BcopImportService } from './bcop-import.service';
import { toMaintenance } from './maintenance.mappers';
import { MaintenanceType } from './maintenance.types';

enum ImportOutcomeEnum {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  IGNORED_OLDER = 'IGNORED_OLDER',
}
registerEnumType(ImportOutcomeEnum, {
  name: 'ImportOutcome',
  description: 'IGNORED_OLDER: a notice with a lower SEQUENCE than the one already applied.',
});

@InputType()
export class ImportMaintenanceNotificationInput {
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) providerId!: string;
  @Field({ description: 'The BCOP iCalendar text as received.' }) @IsString() @Length(1, 1_000_000) ical!: string;
}

@ObjectType('MaintenanceImport')
export class MaintenanceImportType {
  @Field(() => MaintenanceType) maintenance!: MaintenanceType;
  @Field(() => ImportOutcomeEnum) outcome!: ImportOutcomeEnum;
  @Field(() => [String], { description: 'Object ids in the notice that are not circuits of the provider.' }) unknownObjectIds!: string[];
}

@Resolver()
export class BcopImportResolver {
  constructor(private readonly importer: BcopImportService) {}

  @Mutation(() => MaintenanceImportType, {
    description: 'Creates or updates a maintenance from a BCOP iCalendar notification; importing the same one twice changes nothing.',
  })
  async importMaintenanceNotification(@Args('input') input: ImportMaintenanceNotificationInput, @CurrentActor() actor: Actor) {
    const result = await this.importer.import(input, actor);
    return { ...result, maintenance: toMaintenance(result.maintenance), outcome: ImportOutcomeEnum[result.outcome] };
  }
}
