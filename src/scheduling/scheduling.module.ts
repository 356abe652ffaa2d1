import { Module } from '@nestjs/common';
import { SchedulePreviewResolver } from './schedule-preview.resolver';

/** The GraphQL face of the schedule engine: its types (used by every module) and `schedulePreview`. */
@Module({ providers: [SchedulePreviewResolver] })
export class SchedulingModule {}
