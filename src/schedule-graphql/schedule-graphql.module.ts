import { Module } from '@nestjs/common';
import { ScheduleOwners } from './schedule-owners';
import { SchedulePreviewResolver } from './schedule-preview.resolver';
import { SkipOccurrenceResolver } from './skip-occurrence.resolver';

/** The GraphQL face of the schedule engine: its types (used by every module), `schedulePreview` and `skipOccurrence`. */
@Module({ providers: [ScheduleOwners, SchedulePreviewResolver, SkipOccurrenceResolver], exports: [ScheduleOwners] })
export class ScheduleGraphQLModule {}
