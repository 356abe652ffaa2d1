import { References } from '../../common/references';
import type { SuppressionSource } from '../../common/graphql/suppression-reason.type';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from './service.entity';
import { namedValues, type NameOf } from '../../common/named-values';

export const IncidentStatus = namedValues('TRIGGERED', 'ACKNOWLEDGED', 'RESOLVED');
export type IncidentStatus = NameOf<typeof IncidentStatus>;

export const EventAction = namedValues('TRIGGER', 'ACKNOWLEDGE', 'RESOLVE');
export type EventAction = NameOf<typeof EventAction>;

export const EventSeverity = namedValues('CRITICAL', 'ERROR', 'WARNING', 'INFO');
export type EventSeverity = NameOf<typeof EventSeverity>;

/**
 * What Hush did with an event.
 * IGNORED: ACKNOWLEDGE or RESOLVE with no open incident for the key; or a TRIGGER to a DISABLED service.
 * HELD_CLEARED: a RESOLVE that cleared the alert held for its key during maintenance (and resolved its incident, if one was open too).
 */
export const EventResult = namedValues(
  'INCIDENT_OPENED',
  'ADDED_TO_INCIDENT',
  'SUPPRESSED',
  'ACKNOWLEDGED',
  'RESOLVED',
  'IGNORED',
  'HELD_CLEARED',
);
export type EventResult = NameOf<typeof EventResult>;

@Entity({ name: 'incident' })
// One open incident per service and dedup key; the partial unique index is in the migration.
@Index('UQ_incident_open_dedup_key', { synchronize: false })
@Index('IX_incident_service', ['serviceId', 'createdAt'])
export class Incident {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @References(() => Service, 'service_id', 'FK_incident_service', 'CASCADE') service?: Service;
  @Column({ name: 'dedup_key', type: 'text' }) dedupKey!: string;
  @Column({ type: 'enum', enum: IncidentStatus, enumName: 'incident_status' }) status!: IncidentStatus;
  @Column({ type: 'text' }) summary!: string;
  @Column({ type: 'enum', enum: EventSeverity, enumName: 'event_severity' }) severity!: EventSeverity;
  /** From the Clock, like every time a decision depends on. */
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true }) resolvedAt!: Date | null;
  /** The sources it was held by when maintenance held its first trigger; empty for one opened at once. */
  @Column({ name: 'held_by', type: 'jsonb', default: () => "'[]'" }) heldBy!: SuppressionReasonRecord[];
}

/** Every event received, with what was done with it and why. */
@Entity({ name: 'service_event' })
@Index('IX_service_event_incident', ['incidentId', 'receivedAt'])
@Index('IX_service_event_service', ['serviceId', 'receivedAt'])
@Index('IX_service_event_held_alert', ['heldAlertId'])
export class ServiceEvent {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'service_id', type: 'uuid' }) serviceId!: string;
  @References(() => Service, 'service_id', 'FK_service_event_service', 'CASCADE') service?: Service;
  @Column({ name: 'incident_id', type: 'uuid', nullable: true }) incidentId!: string | null;
  @References(() => Incident, 'incident_id', 'FK_service_event_incident', 'SET NULL') incident?: Incident;
  /** The held alert a suppressed TRIGGER joined, or a RESOLVE cleared; its incident once released. */
  @Column({ name: 'held_alert_id', type: 'uuid', nullable: true }) heldAlertId!: string | null;
  @References('HeldAlert', 'held_alert_id', 'FK_service_event_held_alert', 'SET NULL') heldAlert?: unknown;
  @Column({ type: 'enum', enum: EventAction, enumName: 'event_action' }) action!: EventAction;
  @Column({ name: 'dedup_key', type: 'text' }) dedupKey!: string;
  @Column({ type: 'text', nullable: true }) summary!: string | null;
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ type: 'enum', enum: EventSeverity, enumName: 'event_severity', nullable: true }) severity!: EventSeverity | null;
  @Column({ type: 'jsonb', nullable: true }) details!: unknown;
  @Column({ type: 'enum', enum: EventResult, enumName: 'event_result' }) result!: EventResult;
  /** What suppressed it, as the suppression engine gave it: `[{ source, id, name, start, end }]`. */
  @Column({ type: 'jsonb' }) reasons!: SuppressionReasonRecord[];
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
}

export interface SuppressionReasonRecord {
  /** Absent on events stored before other sources could suppress: a service window. */
  source?: SuppressionSource;
  id: string;
  name: string;
  start: string;
  end: string;
  /** Reached through dependencies: the chain (absent otherwise). */
  via?: { type: string; id: string }[];
}
