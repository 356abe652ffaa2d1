import { TimestampedRow } from '../../common/timestamps';
import { References } from '../../common/references';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { OutageStatus } from '../outages/outage-status';
import { Provider } from './inventory.entities';

/** An unplanned provider outage: open-ended until resolved, when `endsAt` records when it stopped. */
@Entity({ name: 'outage' })
@Check('CHK_outage_range', '"ends_at" IS NULL OR "ends_at" >= "starts_at"')
@Check('CHK_outage_etr', '"estimated_time_to_repair" IS NULL OR "estimated_time_to_repair" >= "starts_at"')
// An end exactly when resolved: the suppression engine reads an outage without one as still going on.
@Check('CHK_outage_resolved_end', `("status" = 'RESOLVED') = ("ends_at" IS NOT NULL)`)
@Index('IX_outage_starts_at', ['startsAt', 'id'])
@Index('IX_outage_provider', ['providerId'])
export class Outage extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;
  @Column({ type: 'varchar', length: 200 }) summary!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @References(() => Provider, 'provider_id', 'FK_outage_provider', 'RESTRICT') provider?: Provider;
  @Column({ type: 'enum', enum: OutageStatus, enumName: 'outage_status' }) status!: OutageStatus;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'estimated_time_to_repair', type: 'timestamptz', nullable: true }) estimatedTimeToRepair!: Date | null;
  @Column({ name: 'ends_at', type: 'timestamptz', nullable: true }) endsAt!: Date | null;
  @Column({ name: 'internal_ticket', type: 'varchar', length: 100, default: '' }) internalTicket!: string;
  @Column({ type: 'boolean', default: false }) acknowledged!: boolean;
  @Column({ type: 'text', default: '' }) comments!: string;
}
