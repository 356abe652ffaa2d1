import { References } from '../../common/references';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { namedValues, type NameOf } from '../../common/named-values';
import { Maintenance } from './maintenance.entity';
import { Outage } from './outage.entity';

/**
 * EMAIL: a whole e-mail as received (RFC 822), as importMaintenanceEmail keeps it.
 */
export const NotificationFormat = namedValues('TEXT', 'HTML', 'ICAL', 'EMAIL');
export type NotificationFormat = NameOf<typeof NotificationFormat>;

/** A provider's message about a maintenance or an outage (exactly one owns it), kept as received. */
@Entity({ name: 'maintenance_notification' })
@Check('CHK_maintenance_notification_owner', '("maintenance_id" IS NULL) <> ("outage_id" IS NULL)')
@Index('IX_maintenance_notification_maintenance', ['maintenanceId', 'receivedAt'])
@Index('IX_maintenance_notification_outage', ['outageId', 'receivedAt'])
export class EventNotification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'maintenance_id', type: 'uuid', nullable: true }) maintenanceId!: string | null;
  @References(() => Maintenance, 'maintenance_id', 'FK_maintenance_notification_maintenance', 'CASCADE') maintenance?: Maintenance;
  @Column({ name: 'outage_id', type: 'uuid', nullable: true }) outageId!: string | null;
  @References(() => Outage, 'outage_id', 'FK_maintenance_notification_outage', 'CASCADE') outage?: Outage;
  @Column({ type: 'text' }) subject!: string;
  @Column({ type: 'text' }) sender!: string;
  @Column({ name: 'received_at', type: 'timestamptz' }) receivedAt!: Date;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'enum', enum: NotificationFormat, enumName: 'notification_format' }) format!: NotificationFormat;
}
