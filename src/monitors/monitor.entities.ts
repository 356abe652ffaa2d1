import { TimestampedRow } from '../common/timestamps';
import { References } from '../common/references';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Schedule } from '../schedule';
import { namedValues, type NameOf } from '../common/named-values';

export const MonitorKind = namedValues('HTTP', 'PING', 'DNS', 'TCP', 'SMTP', 'OTHER');
export type MonitorKind = NameOf<typeof MonitorKind>;

export const PeriodMaintenanceType = namedValues('DISABLE_MONITORING', 'DISABLE_NOTIFICATIONS');
export type PeriodMaintenanceType = NameOf<typeof PeriodMaintenanceType>;

/** Columns a monitor and a group both have; the name is unique regardless of case (index on lower(name), in the migration). */
abstract class NamedRow extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
}

@Entity({ name: 'monitor' })
@Index('UQ_monitor_name', { synchronize: false })
export class Monitor extends NamedRow {
  @Column({ type: 'enum', enum: MonitorKind, enumName: 'monitor_kind' }) type!: MonitorKind;
  /** What it checks: a URL, host name or address. */
  @Column({ type: 'text' }) target!: string;
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

@Entity({ name: 'monitor_group' })
@Index('UQ_monitor_group_name', { synchronize: false })
export class MonitorGroup extends NamedRow {}

@Entity({ name: 'monitor_group_member' })
@Index('IX_monitor_group_member_monitor', ['monitorId', 'groupId'])
export class MonitorGroupMember {
  @Column({ name: 'group_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_monitor_group_member' }) groupId!: string;
  @Column({ name: 'monitor_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_monitor_group_member' }) monitorId!: string;
  @References(() => MonitorGroup, 'group_id', 'FK_monitor_group_member_group', 'CASCADE') group?: MonitorGroup;
  @References(() => Monitor, 'monitor_id', 'FK_monitor_group_member_monitor', 'CASCADE') monitor?: Monitor;
}

/**
 * A schedule during which one monitor is not checked, or checks but does not
 * notify. `first_start` / `last_end` bound every occurrence (null last end:
 * it never ends) so "what could be active at T" is an index range, and only
 * those periods ask the schedule engine.
 */
@Entity({ name: 'maintenance_period' })
@Index('IX_maintenance_period_monitor_span', ['monitorId', 'firstStart', 'lastEnd'])
@Index('IX_maintenance_period_group', ['groupId'])
export class MaintenancePeriod extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'monitor_id', type: 'uuid' }) monitorId!: string;
  @References(() => Monitor, 'monitor_id', 'FK_maintenance_period_monitor', 'CASCADE') monitor?: Monitor;
  @Column({ name: 'maintenance_type', type: 'enum', enum: PeriodMaintenanceType, enumName: 'maintenance_type' })
  maintenanceType!: PeriodMaintenanceType;
  @Column({ type: 'jsonb' }) schedule!: Schedule;
  /** Empty: it is named by its type and recurrence (see periodName). */
  @Column({ type: 'text', default: '' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  /** Start of the first occurrence; null when the schedule has none. */
  @Column({ name: 'first_start', type: 'timestamptz', nullable: true }) firstStart!: Date | null;
  /** End of the last occurrence; null when it never ends. */
  @Column({ name: 'last_end', type: 'timestamptz', nullable: true }) lastEnd!: Date | null;
  /** The group it was applied through, if any. */
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId!: string | null;
  @References(() => MonitorGroup, 'group_id', 'FK_maintenance_period_group', 'SET NULL') group?: MonitorGroup;
}

/** The monitors module's tables, registered by its module and listed for the migration scripts. */
/** One thing a monitor checks (a circuit, site, location or service): an impact on it quiets the monitor. */
@Entity({ name: 'monitor_watch' })
export class MonitorWatch {
  @Column({ name: 'monitor_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_monitor_watch' }) monitorId!: string;
  @Column({ name: 'target_type', type: 'text', primary: true, primaryKeyConstraintName: 'PK_monitor_watch' }) targetType!: string;
  /** In another table or module: no foreign key. */
  @Column({ name: 'target_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_monitor_watch' }) targetId!: string;
  @References(() => Monitor, 'monitor_id', 'FK_monitor_watch_monitor', 'CASCADE') monitor?: Monitor;
}

export const MONITORS_ENTITIES = [Monitor, MonitorGroup, MonitorGroupMember, MaintenancePeriod, MonitorWatch];
