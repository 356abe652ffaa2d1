import { shownAs } from '../common/graphql/shown-as';
import { SuppressionReasonType, SuppressionSource } from '../common/graphql/suppression-reason.type';
import type { EscalationPolicy, EscalationRule } from './entities/escalation-policy.entity';
import type { Reason } from '../common/suppression/suppression.model';
import { HeldAlertStatus, type HeldAlert } from './entities/held-alert.entity';
import type { Incident, ServiceEvent, SuppressionReasonRecord } from './entities/incident.entity';
import { HeldAlertType } from './held-alerts.types';
import type { MaintenanceWindow } from './entities/maintenance-window.entity';
import type { Service } from './entities/service.entity';
import type { User } from './entities/user.entity';
import { EscalationPolicyType, EscalationRuleType } from './escalation-policy.types';
import { IncidentType, ServiceEventType } from './incident.types';
import { MaintenanceWindowType } from './maintenance-window.types';
import { ServiceType } from './service.types';
import { UserType } from './user.types';

export function toUser(u: User): UserType {
  return shownAs(UserType, u, ['id', 'name', 'email', 'timeZone', 'createdAt', 'updatedAt']);
}

export function toEscalationPolicy(p: EscalationPolicy): EscalationPolicyType {
  return shownAs(EscalationPolicyType, p, ['id', 'name', 'description', 'numLoops', 'createdAt', 'updatedAt']);
}

export function toRule(r: EscalationRule): EscalationRuleType {
  return shownAs(EscalationRuleType, r, ['id', 'delayMinutes']);
}

export function toService(s: Service): ServiceType {
  return shownAs(ServiceType, s, [
    'id',
    'name',
    'description',
    'integrationKey',
    'status',
    'onMaintenanceEnd',
    'escalationPolicyId',
    'createdAt',
    'updatedAt',
  ]);
}

export function toWindow(w: MaintenanceWindow): MaintenanceWindowType {
  return shownAs(MaintenanceWindowType, w, ['id', 'startsAt', 'endsAt', 'description', 'createdAt', 'updatedAt'], {
    createdBy: { tokenId: w.createdByTokenId, tokenName: w.createdByName, requesterId: w.requesterId },
  });
}

export function windowReason(w: Pick<MaintenanceWindow, 'id' | 'description' | 'startsAt' | 'endsAt'>): SuppressionReasonType {
  return SuppressionReasonType.of(SuppressionSource.SERVICE_WINDOW, w.id, w.description, w.startsAt, w.endsAt);
}

export function toIncident(i: Incident): IncidentType {
  const fields = ['id', 'dedupKey', 'status', 'summary', 'severity', 'createdAt', 'acknowledgedAt', 'resolvedAt', 'serviceId'] as const;
  return shownAs(IncidentType, i, fields, { openedAt: i.createdAt, heldBy: i.heldBy.map(fromReasonRecord) });
}

/** A reason as stored with an event, an incident or a held alert. */
export function toReasonRecord({ source, id, name, occurrence, via }: Reason): SuppressionReasonRecord {
  const record: SuppressionReasonRecord = { source, id, name, start: occurrence.start.toISOString(), end: occurrence.end.toISOString() };
  return via ? { ...record, via: via.map(({ type, id }) => ({ type, id })) } : record;
}

export function fromReasonRecord(r: SuppressionReasonRecord): SuppressionReasonType {
  return SuppressionReasonType.of(r.source ?? SuppressionSource.SERVICE_WINDOW, r.id, r.name, new Date(r.start), new Date(r.end), r.via);
}

/** A held alert, with what holds it now (`holding`, from a decision now: none once it is no longer held). */
export function toHeldAlert(h: HeldAlert, holding: readonly Reason[]): HeldAlertType {
  const holds = h.status === HeldAlertStatus.HELD ? holding : [];
  // A recurring source's occurrence ends, but the source may hold it again: no release time can be promised then.
  const expectedReleaseAt =
    holds.length && holds.every((r) => r.final) ? new Date(Math.max(...holds.map((r) => r.occurrence.end.getTime()))) : null;
  const fields = ['id', 'dedupKey', 'summary', 'severity', 'status', 'triggers', 'firstTriggeredAt', 'lastTriggeredAt', 'endedAt'] as const;
  return shownAs(HeldAlertType, h, [...fields, 'serviceId', 'incidentId'], {
    heldBy: h.heldBy.map(fromReasonRecord),
    reasons: holds.map((r) => SuppressionReasonType.from(r)),
    expectedReleaseAt,
  });
}

export function toServiceEvent(e: ServiceEvent): ServiceEventType {
  return shownAs(
    ServiceEventType,
    e,
    ['id', 'action', 'dedupKey', 'summary', 'source', 'severity', 'details', 'result', 'receivedAt', 'serviceId', 'incidentId'],
    { reasons: e.reasons.map(fromReasonRecord) },
  );
}
