import { TimestampedRow } from '../../common/timestamps';
import { References } from '../../common/references';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ImpactTargetKind } from '../../common/targets/impact-target.type';
import { ImpactLevel, MaintenanceStatus } from '../maintenance-status';
import { Provider } from './inventory.entities';
import { Outage } from './outage.entity';

/** pg returns bigint as text; the values kept (SEQUENCE, at most 2^53 - 1) are exact as numbers. */
const BIGINT_AS_NUMBER = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | bigint | null) => (value === null ? null : Number(value)),
};

@Entity({ name: 'maintenance' })
@Check('CHK_maintenance_range', '"ends_at" >= "starts_at"')
@Index('IX_maintenance_starts_at', ['startsAt', 'id'])
@Index('IX_maintenance_ends_at', ['endsAt'])
@Index('IX_maintenance_provider', ['providerId'])
@Index('IX_maintenance_replaces', ['replacesId'])
// One maintenance per provider notification id; partial (imports only), in the migration.
@Index('UQ_maintenance_provider_notice', { synchronize: false })
export class Maintenance extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) summary!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @References(() => Provider, 'provider_id', 'FK_maintenance_provider', 'RESTRICT') provider?: Provider;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'enum', enum: MaintenanceStatus, enumName: 'maintenance_status' }) status!: MaintenanceStatus;
  /** An IANA zone this runtime can format (never a Windows or made-up name: reads format times in it). */
  @Column({ name: 'original_time_zone', type: 'varchar', length: 63, nullable: true }) originalTimeZone!: string | null;
  /** The provider's name for its zone as its notice wrote it (TZID), kept even when no IANA zone could be told from it. */
  @Column({ name: 'original_time_zone_name', type: 'varchar', length: 200, nullable: true }) originalTimeZoneName!: string | null;
  @Column({ name: 'internal_ticket', type: 'varchar', length: 100, default: '' }) internalTicket!: string;
  @Column({ type: 'boolean', default: false }) acknowledged!: boolean;
  @Column({ type: 'text', default: '' }) comments!: string;
  @Column({ name: 'impact_description', type: 'text', default: '' }) impactDescription!: string;
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true }) replacesId!: string | null;
  @References(() => Maintenance, 'replaces_id', 'FK_maintenance_replaces', 'SET NULL') replaces?: Maintenance;
  /**
   * The provider's own id for this maintenance (BCOP X-MAINTNOTE-MAINTENANCE-ID), when imported. When a
   * provider's RE-SCHEDULED notice replaces it, the id moves to the replacement, which later notices update.
   */
  @Column({ name: 'provider_maintenance_id', type: 'text', nullable: true }) providerMaintenanceId!: string | null;
  /** The BCOP SEQUENCE of the notification last applied; a lower one is older news. Some senders use times in ms: bigint. */
  @Column({ name: 'notice_sequence', type: 'bigint', nullable: true, transformer: BIGINT_AS_NUMBER }) noticeSequence!: number | null;
}

/**
 * What a maintenance or an outage affects: exactly one of the two owns each
 * impact. Targets live in other tables (or modules), so the id has no foreign key.
 */
@Entity({ name: 'maintenance_impact' })
@Check('CHK_maintenance_impact_owner', '("maintenance_id" IS NULL) <> ("outage_id" IS NULL)')
@Index('UQ_maintenance_impact_target', ['maintenanceId', 'targetType', 'targetId'], { unique: true })
@Index('UQ_outage_impact_target', ['outageId', 'targetType', 'targetId'], { unique: true })
@Index('IX_maintenance_impact_target', ['targetType', 'targetId'])
export class Impact {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'maintenance_id', type: 'uuid', nullable: true }) maintenanceId!: string | null;
  @References(() => Maintenance, 'maintenance_id', 'FK_maintenance_impact_maintenance', 'CASCADE') maintenance?: Maintenance;
  @Column({ name: 'outage_id', type: 'uuid', nullable: true }) outageId!: string | null;
  @References(() => Outage, 'outage_id', 'FK_maintenance_impact_outage', 'CASCADE') outage?: Outage;
  @Column({ name: 'target_type', type: 'enum', enum: ImpactTargetKind, enumName: 'impact_target_type' }) targetType!: ImpactTargetKind;
  @Column({ name: 'target_id', type: 'uuid' }) targetId!: string;
  @Column({ type: 'enum', enum: ImpactLevel, enumName: 'impact_level' }) level!: ImpactLevel;
}
