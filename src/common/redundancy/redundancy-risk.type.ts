import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ImpactTargetType } from '../targets/impact-target.type';
import { namedValues, type NameOf } from '../named-values';

export const RiskSeverity = namedValues('LOST', 'BELOW_MINIMUM');
export type RiskSeverity = NameOf<typeof RiskSeverity>;
registerEnumType(RiskSeverity, {
  name: 'RiskSeverity',
  description: 'LOST: no member is available. BELOW_MINIMUM: some are, fewer than required.',
});

export const RiskCauseKind = namedValues('MAINTENANCE', 'OUTAGE', 'WINDOW');
export type RiskCauseKind = NameOf<typeof RiskCauseKind>;
registerEnumType(RiskCauseKind, {
  name: 'RiskCauseKind',
  description: 'A provider maintenance, a provider outage or a service maintenance window.',
});

@ObjectType('RiskCause', { description: 'Something that takes a member of the group out during the risk.' })
export class RiskCauseType {
  @Field(() => RiskCauseKind) kind!: RiskCauseKind;
  @Field(() => ID) id!: string;
  @Field() name!: string;
  @Field(() => ImpactTargetType, { description: 'The member it takes out.' }) member!: ImpactTargetType;
  @Field({ description: 'It may not happen: a TENTATIVE or UNKNOWN maintenance.' }) tentative!: boolean;
}

@ObjectType('RedundancyRisk', {
  description: 'A maximal interval in which fewer than minimumAvailable of a redundancy group’s counting members are available.',
})
export class RedundancyRiskType {
  @Field(() => ID, { description: 'The group and the start: the same risk has the same id while its start stays.' }) id!: string;
  @Field(() => ID) groupId!: string;
  @Field(() => Date) start!: Date;
  @Field(() => Date) end!: Date;
  @Field(() => Int, { description: 'The fewest counting members available at any instant of it.' }) available!: number;
  @Field(() => Int) required!: number;
  @Field(() => RiskSeverity) severity!: RiskSeverity;
  @Field({ description: 'True when it needs a TENTATIVE or UNKNOWN maintenance to happen.' }) tentative!: boolean;
  @Field(() => [RiskCauseType]) causes!: RiskCauseType[];
}

export const RiskChangeKind = namedValues('APPEARED', 'CHANGED', 'DISAPPEARED');
export type RiskChangeKind = NameOf<typeof RiskChangeKind>;
registerEnumType(RiskChangeKind, { name: 'RiskChangeKind' });

@ObjectType('RedundancyRiskChange', {
  description: 'A risk that appeared, changed (its end, causes, severity…) or disappeared; sent once across replicas.',
})
export class RedundancyRiskChangeType {
  @Field(() => RiskChangeKind) kind!: RiskChangeKind;
  @Field(() => RedundancyRiskType, { description: 'As it is now; for DISAPPEARED, as it was.' }) risk!: RedundancyRiskType;
  @Field(() => Date) at!: Date;
}

/** A risk as stored (JSON text) back as the GraphQL type. */
export function riskFromJson(text: string): RedundancyRiskType {
  const r = JSON.parse(text) as RedundancyRiskType & { start: string; end: string };
  return Object.assign(new RedundancyRiskType(), r, {
    start: new Date(r.start),
    end: new Date(r.end),
    causes: r.causes.map((c) => Object.assign(new RiskCauseType(), c, { member: ImpactTargetType.of(c.member.type, c.member.id) })),
  });
}
