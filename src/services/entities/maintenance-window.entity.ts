import { TimestampedRow } from '../../common/timestamps';
import { References } from '../../common/references';
import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Service } from './service.entity';
import { User } from './user.entity';

@Entity({ name: 'maintenance_window' })
@Check('CHK_maintenance_window_range', '"ends_at" > "starts_at"')
// GiST over tstzrange(starts_at, ends_at, '[)') answers "what overlaps [from, to)" and "what is active at T"; in the migration.
@Index('IX_maintenance_window_range', { synchronize: false })
@Index('IX_maintenance_window_starts_at', ['startsAt', 'id'])
export class MaintenanceWindow extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt!: Date;
  @Column({ name: 'ends_at', type: 'timestamptz' }) endsAt!: Date;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'created_by_token_id', type: 'uuid', nullable: true }) createdByTokenId!: string | null;
  @Column({ name: 'created_by_name', type: 'text' }) createdByName!: string;
  @Column({ name: 'requester_id', type: 'uuid', nullable: true }) requesterId!: string | null;
  @References(() => User, 'requester_id', 'FK_maintenance_window_requester', 'SET NULL') requester?: User;
}

@Entity({ name: 'maintenance_window_service' })
@Index('IX_maintenance_window_service_service', ['serviceId', 'windowId'])
export class MaintenanceWindowService {
  @Column({ name: 'window_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_maintenance_window_service' }) windowId!: string;
  @Column({ name: 'service_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_maintenance_window_service' })
  serviceId!: string;
  @References(() => MaintenanceWindow, 'window_id', 'FK_maintenance_window_service_window', 'CASCADE') window?: MaintenanceWindow;
  @References(() => Service, 'service_id', 'FK_maintenance_window_service_service', 'CASCADE') service?: Service;
}
