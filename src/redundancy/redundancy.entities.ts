import { TimestampedRow } from '../common/timestamps';
import { References } from '../common/references';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { RedundancyRiskChangeRow, RedundancyRiskRow } from './redundancy-risk.entities';
import { namedValues, type NameOf } from '../common/named-values';

/**
 * INACTIVE: listed, but does not count: neither towards what is available nor as a cause.
 */
export const MemberPriority = namedValues('PRIMARY', 'SECONDARY', 'TERTIARY', 'INACTIVE');
export type MemberPriority = NameOf<typeof MemberPriority>;

/** Paths that back each other up: at least `minimumAvailable` of the members that count must stay in service. */
@Entity({ name: 'redundancy_group' })
@Index('UQ_redundancy_group_name', { synchronize: false })
export class RedundancyGroup extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_redundancy_group' }) id!: string;
  /** Unique regardless of case (index on lower(name), in the migration). */
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'minimum_available', type: 'int', default: 1 }) minimumAvailable!: number;
}

/** A circuit, site, location, region, service or monitor in a group. */
@Entity({ name: 'redundancy_group_member' })
@Index('IX_redundancy_group_member_target', ['targetType', 'targetId'])
export class RedundancyGroupMember {
  @Column({ name: 'group_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_redundancy_group_member' }) groupId!: string;
  @Column({ name: 'target_type', type: 'text', primary: true, primaryKeyConstraintName: 'PK_redundancy_group_member' }) targetType!: string;
  /** In another module: no foreign key. */
  @Column({ name: 'target_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_redundancy_group_member' }) targetId!: string;
  @Column({ type: 'enum', enum: MemberPriority, enumName: 'member_priority', default: MemberPriority.PRIMARY }) priority!: MemberPriority;
  @References(() => RedundancyGroup, 'group_id', 'FK_redundancy_group_member_group', 'CASCADE') group?: RedundancyGroup;
}

export const REDUNDANCY_ENTITIES = [RedundancyGroup, RedundancyGroupMember, RedundancyRiskRow, RedundancyRiskChangeRow];
