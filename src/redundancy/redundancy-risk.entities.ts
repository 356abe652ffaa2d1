import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The risks announced so far (within the watched horizon), as their JSON
 * text: the replica that sees a risk appear, change or disappear first, under
 * the risk lock, updates this and records the change, so each is sent once.
 */
@Entity({ name: 'redundancy_risk' })
export class RedundancyRiskRow {
  /** `group/start`, as RedundancyRisk.id. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_redundancy_risk' }) id!: string;
  /** Text, not jsonb: compared as written. */
  @Column({ type: 'text' }) risk!: string;
}

/** One APPEARED, CHANGED or DISAPPEARED, for `redundancyRiskChanged`; purged after a week. */
@Entity({ name: 'redundancy_risk_change' })
@Index('IX_redundancy_risk_change_at', ['at'])
@Check('CHK_redundancy_risk_change_kind', `"kind" IN ('APPEARED', 'CHANGED', 'DISAPPEARED')`)
export class RedundancyRiskChangeRow {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'PK_redundancy_risk_change' }) seq!: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId!: string;
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'text' }) risk!: string;
  @Column({ type: 'timestamptz' }) at!: Date;
}
