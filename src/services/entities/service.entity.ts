import { TimestampedRow } from '../../common/timestamps';
import { References } from '../../common/references';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { EscalationPolicy } from './escalation-policy.entity';
import { namedValues, type NameOf } from '../../common/named-values';

/** What becomes of the alerts held over a maintenance when it ends. */
export const MaintenanceEndAction = namedValues('OPEN_INCIDENT', 'DISCARD');
export type MaintenanceEndAction = NameOf<typeof MaintenanceEndAction>;

export const ServiceStatus = namedValues('ACTIVE', 'DISABLED');
export type ServiceStatus = NameOf<typeof ServiceStatus>;

@Entity({ name: 'service' })
@Index('UQ_service_name', { synchronize: false })
@Index('IX_service_escalation_policy', ['escalationPolicyId'])
export class Service extends TimestampedRow {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** Unique regardless of case (index on lower(name), in the migration). */
  @Column({ type: 'text' }) name!: string;
  @Column({ type: 'text', default: '' }) description!: string;
  @Column({ name: 'escalation_policy_id', type: 'uuid' }) escalationPolicyId!: string;
  @References(() => EscalationPolicy, 'escalation_policy_id', 'FK_service_escalation_policy', 'RESTRICT')
  escalationPolicy?: EscalationPolicy;
  /** Routes events to this service without knowing its id, as monitoring tools do. */
  @Index('UQ_service_integration_key', { unique: true })
  @Column({ name: 'integration_key', type: 'text' })
  integrationKey!: string;
  @Column({ type: 'enum', enum: ServiceStatus, enumName: 'service_status', default: ServiceStatus.ACTIVE }) status!: ServiceStatus;
  @Column({
    name: 'on_maintenance_end',
    type: 'enum',
    enum: MaintenanceEndAction,
    enumName: 'maintenance_end_action',
    default: MaintenanceEndAction.OPEN_INCIDENT,
  })
  onMaintenanceEnd!: MaintenanceEndAction;
}

/** One thing a service needs (a circuit, site, location, region, monitor or another service): an impact on it reaches the service. */
@Entity({ name: 'service_dependency' })
export class ServiceDependency {
  @Column({ name: 'service_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_service_dependency' }) serviceId!: string;
  @Column({ name: 'target_type', type: 'text', primary: true, primaryKeyConstraintName: 'PK_service_dependency' }) targetType!: string;
  /** In another table or module: no foreign key. */
  @Column({ name: 'target_id', type: 'uuid', primary: true, primaryKeyConstraintName: 'PK_service_dependency' }) targetId!: string;
  @References(() => Service, 'service_id', 'FK_service_dependency_service', 'CASCADE') service?: Service;
}
