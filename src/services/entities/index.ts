import { EscalationPolicy, EscalationRule, EscalationRuleTarget } from './escalation-policy.entity';
import { HeldAlert } from './held-alert.entity';
import { Incident, ServiceEvent } from './incident.entity';
import { MaintenanceWindow, MaintenanceWindowService } from './maintenance-window.entity';
import { Service, ServiceDependency } from './service.entity';
import { User } from './user.entity';

/** The services module's tables, registered by its module and listed for the migration scripts. */
export const SERVICES_ENTITIES = [
  User,
  EscalationPolicy,
  EscalationRule,
  EscalationRuleTarget,
  Service,
  ServiceDependency,
  MaintenanceWindow,
  MaintenanceWindowService,
  Incident,
  ServiceEvent,
  HeldAlert,
];
