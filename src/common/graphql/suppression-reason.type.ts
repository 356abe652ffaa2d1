import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OccurrenceType } from '../../schedule-graphql/occurrence.type';
import type { NodeRef, Reason } from '../suppression/suppression.model';
import { ImpactTargetType } from '../targets/impact-target.type';
import { namedValues, type NameOf } from '../named-values';

/**
 * REDUNDANCY_RISK: not a suppression: a redundancy risk, shown in the calendar when asked for.
 */
export const SuppressionSource = namedValues(
  'SERVICE_WINDOW',
  'MONITOR_PERIOD',
  'BLACKOUT_POLICY',
  'PROVIDER_MAINTENANCE',
  'PROVIDER_OUTAGE',
  'REDUNDANCY_RISK',
);
export type SuppressionSource = NameOf<typeof SuppressionSource>;
registerEnumType(SuppressionSource, {
  name: 'SuppressionSource',
  description:
    'The kind of object that suppresses; REDUNDANCY_RISK (a redundancy group below its minimum) suppresses nothing and is in the calendar only when its filter names it.',
});

@ObjectType('SuppressionReason', { description: 'Why something is suppressed: the object that does it, and the occurrence that applies.' })
export class SuppressionReasonType {
  @Field(() => SuppressionSource) source!: SuppressionSource;
  @Field(() => ID) id!: string;
  @Field({ description: 'The display name (for a maintenance window, its description).' }) name!: string;
  @Field(() => OccurrenceType) occurrence!: OccurrenceType;
  @Field(() => [ImpactTargetType], {
    description:
      'How a provider impact reaches the target through containment, watches and dependencies: the chain from the impacted object to the target, both included (e.g. circuit → monitor → service). Empty when the source is on the target itself.',
  })
  via!: ImpactTargetType[];

  static from(this: void, reason: Reason): SuppressionReasonType {
    const { source, id, name, occurrence, via } = reason;
    return SuppressionReasonType.of(source, id, name, occurrence.start, occurrence.end, via);
  }

  static of(
    source: SuppressionSource,
    id: string,
    name: string,
    start: Date,
    end: Date,
    via: readonly NodeRef[] = [],
  ): SuppressionReasonType {
    return Object.assign(new SuppressionReasonType(), {
      source,
      id,
      name,
      occurrence: OccurrenceType.of(start, end),
      via: via.map((n) => ImpactTargetType.of(n.type, n.id)),
    });
  }
}
