import { ApiToken } from '../common/auth/api-token.entity';
import { ChangeLogEntry } from '../common/changelog/changelog-entry.entity';
import { EscalationPolicy, EscalationRule, EscalationRuleTarget } from '../services/entities/escalation-policy.entity';
import { BlackoutEvent, BlackoutPolicy, BlackoutTransition } from '../blackouts/blackout.entities';
import { MaintenancePeriod, Monitor, MonitorGroup, MonitorGroupMember } from '../monitors/monitor.entities';
import { Circuit, Location, Provider, Region, Site } from '../provider-maintenance/entities/inventory.entities';
import { EventNotification, Impact, Maintenance } from '../provider-maintenance/entities/maintenance.entity';
import { Incident, ServiceEvent } from '../services/entities/incident.entity';
import { MaintenanceWindow, MaintenanceWindowService } from '../services/entities/maintenance-window.entity';
import { Service } from '../services/entities/service.entity';
import { User } from '../services/entities/user.entity';
import { WindowTransitionRow } from '../suppression/window-transition.entity';

/** Every entity of every module; the DataSource and the migration scripts share this list. */
export const ENTITIES = [
  ApiToken,
  ChangeLogEntry,
  User,
  EscalationPolicy,
  EscalationRule,
  EscalationRuleTarget,
  Service,
  MaintenanceWindow,
  MaintenanceWindowService,
  Incident,
  ServiceEvent,
  Provider,
  Region,
  Site,
  Location,
  Circuit,
  Maintenance,
  Impact,
  EventNotification,
  Monitor,
  MonitorGroup,
  MonitorGroupMember,
  MaintenancePeriod,
  BlackoutPolicy,
  BlackoutEvent,
  BlackoutTransition,
  WindowTransitionRow,
];
