import { References } from '../../common/references';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EventSeverity, Incident, type SuppressionReasonRecord } from './incident.entity';
import { Service } from './service.entity';
import { namedValues, type NameOf } from '../../common/named-values';

/**
 * HELD: suppressed by maintenance, waiting for the last source covering it to end.
 * RELEASED: released into an incident when the maintenance ended.
 * CLEARED: a RESOLVE with its key came during the maintenance: nothing to open.
 * DISCARDED: released into nothing: its service discards alerts held over a maintenance.
 */
export const HeldAlertStatus = namedValues('HELD', 'RELEASED', 'CLEARED', 'DISCARDED');
export type HeldAlertStatus = NameOf<typeof HeldAlertStatus>;

/**
 * A TRIGGER that maintenance suppressed, kept until the maintenance ends
 * rather than dropped: one per service and dedup key while held (later
 * triggers with the key join it).
 */
@Entity({ name: 'held_alert' })
// One held alert per service and key; the partial unique index is in the migration.
@Index('UQ_held_alert_held_key', { synchronize: false })
@Index('IX_held_alert_service', ['serviceId', 'firstTriggeredAt'])
export class HeldAlert {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @References(() => Service, 'service_id', 'FK_held_alert_service', 'CASCADE') service?: Service;
  @Column({ name: 'dedup_key', type: 'text' }) dedupKey!: string;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'enum', enum: EventSeverity, enumName: 'event_severity' }) severity!: EventSeverity;
  @Column({ type: 'enum', enum: HeldAlertStatus, enumName: 'held_alert_status', default: HeldAlertStatus.HELD }) status!: HeldAlertStatus;
  /** How many TRIGGERs it holds. */
  @Column({ type: 'int', default: 1 }) triggers!: number;
  @Column({ name: 'first_triggered_at', type: 'timestamptz' }) firstTriggeredAt!: Date;
  @Column({ name: 'last_triggered_at', type: 'timestamptz' }) lastTriggeredAt!: Date;
  /** Every source that held it, each once, as the suppression engine gave them. */
  @Column({ name: 'held_by', type: 'jsonb', default: () => "'[]'" }) heldBy!: SuppressionReasonRecord[];
  /** When it was released, cleared or discarded. */
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt!: Date | null;
  @Column({ name: 'incident_id', type: 'uuid', nullable: true }) incidentId!: string | null;
  @References(() => Incident, 'incident_id', 'FK_held_alert_incident', 'SET NULL') incident?: Incident;
}
