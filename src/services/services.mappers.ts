import { SuppressionReasonType, SuppressionSource } from '../common/graphql/suppression-reason.type';
import type { EscalationPolicy, EscalationRule } from './entities/escalation-policy.entity';
import type { Incident, ServiceEvent } from './entities/incident.entity';
import type { MaintenanceWindow } from './entities/maintenance-window.entity';
import type { Service } from './entities/service.entity';
import type { User } from './entities/user.entity';
import {
  EscalationPolicyType,
  EscalationRuleType,
  IncidentType,
  MaintenanceWindowType,
  ServiceEventType,
  ServiceType,
  UserType,
} from './services.types';

export function toUser(u: User): UserType {
  const { id, name, email, timeZone, createdAt, updatedAt } = u;
  return Object.assign(new UserType(), { id, name, email, timeZone, createdAt, updatedAt });
}

export function toPolicy(p: EscalationPolicy): EscalationPolicyType {
  const { id, name, description, numLoops, createdAt, updatedAt } = p;
  return Object.assign(new EscalationPolicyType(), { id, name, description, numLoops, createdAt, updatedAt });
}

export function toRule(r: EscalationRule): EscalationRuleType {
  return Object.assign(new EscalationRuleType(), { id: r.id, delayMinutes: r.delayMinutes });
}

export function toService(s: Service): ServiceType {
  const { id, name, description, integrationKey, status, createdAt, updatedAt, escalationPolicyId } = s;
  return Object.assign(new ServiceType(), { id, name, description, integrationKey, status, createdAt, updatedAt, escalationPolicyId });
}

export function toWindow(w: MaintenanceWindow): MaintenanceWindowType {
  const { id, startsAt, endsAt, description, createdAt, updatedAt } = w;
  return Object.assign(new MaintenanceWindowType(), {
    id,
    startsAt,
    endsAt,
    description,
    createdAt,
    updatedAt,
    createdBy: { tokenId: w.createdByTokenId, tokenName: w.createdByName, requesterId: w.requesterId },
  });
}

export function windowReason(w: Pick<MaintenanceWindow, 'id' | 'description' | 'startsAt' | 'endsAt'>): SuppressionReasonType {
  return SuppressionReasonType.of(SuppressionSource.SERVICE_WINDOW, w.id, w.description, w.startsAt, w.endsAt);
}

export function toIncident(i: Incident): IncidentType {
  const { id, dedupKey, status, summary, severity, createdAt, acknowledgedAt, resolvedAt, serviceId } = i;
  return Object.assign(new IncidentType(), { id, dedupKey, status, summary, severity, createdAt, acknowledgedAt, resolvedAt, serviceId });
}

export function toEvent(e: ServiceEvent): ServiceEventType {
  const { id, action, dedupKey, summary, source, severity, details, result, receivedAt, serviceId, incidentId } = e;
  const reasons = e.reasons.map((r) =>
    SuppressionReasonType.of(r.source ?? SuppressionSource.SERVICE_WINDOW, r.id, r.name, new Date(r.start), new Date(r.end)),
  );
  return Object.assign(new ServiceEventType(), {
    id,
    action,
    dedupKey,
    summary,
    source,
    severity,
    details,
    result,
    receivedAt,
    serviceId,
    incidentId,
    reasons,
  });
}
