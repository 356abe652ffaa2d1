import { Check, Column, Entity, Generated, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ChangeAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'TRANSITION';

/** `{ field: { before, after } }` for every field a write changed. */
export type FieldChanges = Record<string, { before: unknown; after: unknown }>;

@Entity({ name: 'change_log_entry' })
@Check('CHK_change_log_entry_action', `action IN ('CREATE', 'UPDATE', 'DELETE', 'TRANSITION')`)
@Index('IX_change_log_entry_object', ['objectType', 'objectId', 'at'])
export class ChangeLogEntry {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'object_type', type: 'text' })
  objectType!: string;

  @Column({ name: 'object_id', type: 'uuid' })
  objectId!: string;

  @Column({ type: 'text' })
  action!: ChangeAction;

  /** The API token that made the change; null for Hush's own actions (seeding, scheduled transitions). */
  @Column({ name: 'actor_token_id', type: 'uuid', nullable: true })
  actorTokenId!: string | null;

  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Column({ type: 'jsonb' })
  changes!: FieldChanges;

  /** The object's status after the change, for objects that have one. */
  @Column({ type: 'text', nullable: true })
  status!: string | null;

  /** Insertion order: entries of one transaction share `at` (the clock) but not this. */
  @Generated('increment')
  @Column({ type: 'bigint' })
  seq!: string;

  @Index('IX_change_log_entry_at')
  @Column({ type: 'timestamptz' })
  at!: Date;
}
