import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OccurrenceType } from '../../schedule-graphql/occurrence.type';
import type { Reason } from '../suppression/suppression.model';

export enum SuppressionSource {
  SERVICE_WINDOW = 'SERVICE_WINDOW',
  MONITOR_PERIOD = 'MONITOR_PERIOD',
  BLACKOUT_POLICY = 'BLACKOUT_POLICY',
  PROVIDER_MAINTENANCE = 'PROVIDER_MAINTENANCE',
  PROVIDER_OUTAGE = 'PROVIDER_OUTAGE',
}
registerEnumType(SuppressionSource, { name: 'SuppressionSource', description: 'The kind of object that suppresses.' });

@ObjectType('SuppressionReason', { description: 'Why something is suppressed: the object that does it, and the occurrence that applies.' })
export class SuppressionReasonType {
  @Field(() => SuppressionSource) source!: SuppressionSource;
  @Field(() => ID) id!: string;
  @Field({ description: 'The display name (for a maintenance window, its description).' }) name!: string;
  @Field(() => OccurrenceType) occurrence!: OccurrenceType;

  static from(reason: Reason): SuppressionReasonType {
    return SuppressionReasonType.of(reason.source, reason.id, reason.name, reason.occurrence.start, reason.occurrence.end);
  }

  static of(source: SuppressionSource, id: string, name: string, start: Date, end: Date): SuppressionReasonType {
    return Object.assign(new SuppressionReasonType(), { source, id, name, occurrence: OccurrenceType.of(start, end) });
  }
}
