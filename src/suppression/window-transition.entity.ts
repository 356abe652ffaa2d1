import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CalendarTargetType } from './suppression.types';

/**
 * One STARTED, ENDING_SOON, EXTENDED, SHORTENED or ENDED of one occurrence, claimed by the replica that saw it
 * first: the primary key with ON CONFLICT DO NOTHING makes each transition
 * announced once however many replicas watch the clock. `round` tells apart
 * an occurrence that goes out of effect and back (a maintenance cancelled,
 * then confirmed again; a warning again after an extension): see
 * WindowTransitionWorker.claim. Rows older than a week are purged.
 */
@Entity({ name: 'window_transition' })
@Index('IDX_window_transition_at', ['at'])
@Check('CHK_window_transition_kind', `"kind" IN ('STARTED', 'ENDING_SOON', 'EXTENDED', 'SHORTENED', 'ENDED')`)
export class WindowTransitionRow {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_window_transition' }) source!: string;
  @PrimaryColumn({ name: 'source_id', type: 'uuid', primaryKeyConstraintName: 'PK_window_transition' }) sourceId!: string;
  @PrimaryColumn({ name: 'occurrence_start', type: 'timestamptz', primaryKeyConstraintName: 'PK_window_transition' })
  occurrenceStart!: Date;
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'PK_window_transition' }) kind!: string;
  @PrimaryColumn({ type: 'int', default: 0, primaryKeyConstraintName: 'PK_window_transition' }) round!: number;
  @Column({ type: 'timestamptz' }) at!: Date;
  @Column({ name: 'occurrence_end', type: 'timestamptz' }) occurrenceEnd!: Date;
  @Column({ type: 'text' }) title!: string;
  @Column({ type: 'jsonb' }) targets!: CalendarTargetType[];
  @Column({ name: 'claimed_at', type: 'timestamptz' }) claimedAt!: Date;
}

/** The suppression module's tables. */
export const SUPPRESSION_ENTITIES = [WindowTransitionRow];
