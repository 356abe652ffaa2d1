import { TimestampedRow } from '../common/timestamps';
import { References } from '../common/references';
import { Check, Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { Schedule } from '../schedule';
import { namedValues, type NameOf } from '../common/named-values';

@Entity({ name: 'blackout_policy' })
@Index('UQ_blackout_policy_name', { synchronize: false })
@Index('IX_blackout_policy_span', ['enabled', 'firstStart', 'lastEnd'])
@Check('CHK_blackout_policy_execution_order', '"execution_order" BETWEEN 0 AND 9999')
export class BlackoutPolicy extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Unique regardless of case (index on lower(name), in the migration); never changes. */
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  /** Lower wins when several policies match one event. */
  @Column({ name: 'execution_order', type: 'int' }) executionOrder!: number;
  @Column({ type: 'text' }) selector!: string;
  @Column({ type: 'boolean', default: false }) enabled!: boolean;
  @Column({ type: 'jsonb' }) schedule!: Schedule;
  /** Bounds of every occurrence, for an index range before the schedule engine; null last end: never ends. */
  @Column({ name: 'first_start', type: 'timestamptz', nullable: true }) firstStart!: Date | null;
  @Column({ name: 'last_end', type: 'timestamptz', nullable: true }) lastEnd!: Date | null;
  @Column({ name: 'blackout_existing_events', type: 'boolean', default: false }) blackoutExistingEvents!: boolean;
  @Column({ name: 'reset_status_on_blackout_end', type: 'boolean', default: false }) resetStatusOnBlackoutEnd!: boolean;
  @Column({ name: 'owner_token_id', type: 'uuid', nullable: true }) ownerTokenId!: string | null;
  @Column({ name: 'owner_name', type: 'text' }) ownerName!: string;
  /** The last time ingest blacked out an event by this policy (docs/blackouts.md); null: never. Not a change: no changelog entry, no updated_at. */
  @Column({ name: 'last_matched_at', type: 'timestamptz', nullable: true }) lastMatchedAt!: Date | null;
  /** From the Clock: the worker runs no end action for occurrences before it. */
}

export const EventStatus = namedValues('OPEN', 'BLACKOUT', 'ACKNOWLEDGED', 'CLOSED');
export type EventStatus = NameOf<typeof EventStatus>;

@Entity({ name: 'event' })
@Index('IX_event_status', ['status', 'receivedAt'])
@Index('IX_event_blacked_out_by', ['blackedOutById'])
// What an END still has to release: the blackout worker asks for it every tick.
@Index('IX_event_unreleased', ['blackedOutById'], {
  where: `"blacked_out_by_id" IS NOT NULL AND "released_at" IS NULL AND "status" <> 'CLOSED'`,
})
@Index('IX_event_received_at', ['receivedAt', 'id'])
export class BlackoutEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text', nullable: true }) class!: string | null;
  @Column({ type: 'text', nullable: true }) severity!: string | null;
  @Column({ type: 'text', nullable: true }) message!: string | null;
  @Column({ type: 'text', nullable: true }) host!: string | null;
  @Column({ name: 'object_id', type: 'text', nullable: true }) objectId!: string | null;
  @Column({ type: 'text', nullable: true }) identifier!: string | null;
  @Column({ name: 'service_id', type: 'text', nullable: true }) serviceId!: string | null;
  @Column({ type: 'jsonb', nullable: true }) attributes!: Record<string, unknown> | null;
  @Column({ type: 'enum', enum: EventStatus, enumName: 'event_status' }) status!: EventStatus;
  @Column({ name: 'previous_status', type: 'enum', enum: EventStatus, enumName: 'event_status', nullable: true })
  previousStatus!: EventStatus | null;
  @Column({ name: 'blacked_out_by_id', type: 'uuid', nullable: true }) blackedOutById!: string | null;
  @References(() => BlackoutPolicy, 'blacked_out_by_id', 'FK_event_blacked_out_by', 'SET NULL') blackedOutBy?: BlackoutPolicy;
  /** When its current blackout began (at ingest, or at a policy's START); what an occurrence's END releases is what it blacked out before then. */
  @Column({ name: 'blacked_out_at', type: 'timestamptz', nullable: true }) blackedOutAt!: Date | null;
  /** When a policy's END released it (its status put back, if the policy says so), and which policy. */
  @Column({ name: 'released_at', type: 'timestamptz', nullable: true }) releasedAt!: Date | null;
  @Column({ name: 'released_from_id', type: 'uuid', nullable: true }) releasedFromId!: string | null;
  @References(() => BlackoutPolicy, 'released_from_id', 'FK_event_released_from', 'SET NULL') releasedFrom?: BlackoutPolicy;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ name: 'status_changed_at', type: 'timestamptz' }) statusChangedAt!: Date;
}

export const PolicyRunKind = namedValues('START', 'END');
export type PolicyRunKind = NameOf<typeof PolicyRunKind>;

/**
 * One row per (policy, occurrence, START|END) that has run. Inserting it is
 * the claim: with ON CONFLICT DO NOTHING only one replica gets the row, and it
 * applies the transition's effects in the same transaction.
 */
@Entity({ name: 'blackout_transition' })
export class BlackoutTransition {
  @PrimaryColumn({ name: 'policy_id', type: 'uuid', primaryKeyConstraintName: 'PK_blackout_transition' }) policyId!: string;
  @PrimaryColumn({ name: 'occurrence_start', type: 'timestamptz', primaryKeyConstraintName: 'PK_blackout_transition' })
  occurrenceStart!: Date;
  @PrimaryColumn({
    type: 'enum',
    enum: PolicyRunKind,
    enumName: 'blackout_transition_kind',
    primaryKeyConstraintName: 'PK_blackout_transition',
  })
  kind!: PolicyRunKind;
  @References(() => BlackoutPolicy, 'policy_id', 'FK_blackout_transition_policy', 'CASCADE') policy?: BlackoutPolicy;
  /** The instant the transition was due (the occurrence's start or end). */
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt!: Date;
  @Column({ name: 'ran_at', type: 'timestamptz' }) ranAt!: Date;
  @Column({ name: 'events_changed', type: 'int' }) eventsChanged!: number;
}

/** The blackouts module's tables, registered by its module and listed for the migration scripts. */
export const BLACKOUTS_ENTITIES = [BlackoutPolicy, BlackoutEvent, BlackoutTransition];
