import { Args, Field, ID, InputType, Mutation, ObjectType, registerEnumType, Resolver } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import type { Actor } from '../common/auth/actor';
import { CurrentActor } from '../common/auth/auth.decorators';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { RedundancyRiskType } from '../common/redundancy/redundancy-risk.type';
import { RedundancyPort } from '../common/redundancy/redundancy.port';
import { BcopImportService, type ImportEntry, type ImportResult } from './bcop-import.service';
import { ImportOutcome } from './import-outcome';
import { toMaintenance } from './maintenance.mappers';
import { MaintenanceType } from './maintenance.types';

registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description:
    'CREATED: a new maintenance (also the replacement a RE-SCHEDULED notice with new times makes); IGNORED_OLDER: a notice with a lower SEQUENCE than the one already applied.',
});

@InputType()
export class ImportMaintenanceNotificationInput {
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) providerId!: string;
  @Field({ description: 'The BCOP iCalendar text as received.' }) @IsString() @Length(1, 1_000_000) ical!: string;
}

@InputType()
export class ImportMaintenanceEmailInput {
  @Field(() => ID) @IsUUID(undefined, { message: 'must be a UUID' }) providerId!: string;
  @Field({ description: 'The whole e-mail as received (RFC 822: headers, then the MIME body), with its text/calendar part(s).' })
  @IsString()
  @Length(1, 4_000_000)
  email!: string;
}

@ObjectType('MaintenanceImportEntry', { description: 'What one maintenance (one VEVENT) of a notification became.' })
export class MaintenanceImportEntryType {
  @Field(() => MaintenanceType) maintenance!: MaintenanceType;
  @Field(() => ImportOutcome) outcome!: ImportOutcome;
  @Field(() => [String], { description: 'Object ids of this maintenance that are not circuits of the provider.' })
  unknownObjectIds!: string[];
}

@ObjectType('MaintenanceImport')
export class MaintenanceImportType {
  @Field(() => MaintenanceType, { description: 'The first maintenance of the notification (see entries for all).' })
  maintenance!: MaintenanceType;
  @Field(() => ImportOutcome, { description: 'What the first maintenance of the notification became.' }) outcome!: ImportOutcome;
  @Field(() => [String], { description: 'Object ids of the first maintenance that are not circuits of the provider.' })
  unknownObjectIds!: string[];
  @Field(() => [MaintenanceImportEntryType], { description: 'One per maintenance in the notification, in its order.' })
  entries!: MaintenanceImportEntryType[];
  @Field(() => [String], {
    description:
      'What the import repaired (lines folded wrongly…) or settled (an object named twice, a notice from another provider, a zone it could not map), each naming where.',
  })
  warnings!: string[];
  @Field(() => [RedundancyRiskType], {
    description: 'The redundancy risks the imported maintenances are now among the causes of (TENTATIVE ones count, marked tentative).',
  })
  risks!: RedundancyRiskType[];
}

const toEntry = (entry: ImportEntry): MaintenanceImportEntryType => ({
  maintenance: toMaintenance(entry.maintenance),
  outcome: entry.outcome,
  unknownObjectIds: entry.unknownObjectIds,
});

@Resolver()
export class BcopImportResolver {
  constructor(
    private readonly importer: BcopImportService,
    private readonly redundancy: RedundancyPort,
  ) {}

  @Mutation(() => MaintenanceImportType, {
    description:
      'Creates or updates maintenances from a BCOP iCalendar notification, one per maintenance VEVENT; importing the same one twice changes nothing.',
  })
  async importMaintenanceNotification(@Args('input') input: ImportMaintenanceNotificationInput, @CurrentActor() actor: Actor) {
    return this.toImport(await this.importer.import(input, actor));
  }

  @Mutation(() => MaintenanceImportType, {
    description:
      "Imports the BCOP calendar(s) of a provider's e-mail (its text/calendar parts) like importMaintenanceNotification, and keeps the e-mail as the notification.",
  })
  async importMaintenanceEmail(@Args('input') input: ImportMaintenanceEmailInput, @CurrentActor() actor: Actor) {
    return this.toImport(await this.importer.importEmail(input, actor));
  }

  /** With the risks, read once the import is committed (and so in the engine). */
  private async toImport(result: ImportResult): Promise<MaintenanceImportType> {
    const risks = new Map<string, RedundancyRiskType>();
    for (const { maintenance } of result.entries) {
      for (const risk of await this.redundancy.risksCausedBy(SuppressionSource.PROVIDER_MAINTENANCE, maintenance.id))
        risks.set(risk.id, risk);
    }
    return { ...toEntry(result), entries: result.entries.map(toEntry), warnings: result.warnings, risks: [...risks.values()] };
  }
}
