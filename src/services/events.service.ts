import { rowsById } from '../common/loaders/rows-by-id';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { BadUserInputError, NotFoundError } from '../common/errors/domain-error';
import { groupByKeys } from '../common/loaders/loader-registry';
import type { Connection } from '../common/pagination/connection';
import { byTime, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import {
  EventAction,
  EventResult,
  EventSeverity,
  Incident,
  IncidentStatus,
  ServiceEvent,
  type SuppressionReasonRecord,
} from './entities/incident.entity';
import { Service, ServiceStatus } from './entities/service.entity';
import { HeldAlertsService } from './held-alerts.service';
import { findOpenIncident, openOrJoinIncident } from './incident-opening';
import { toReasonRecord } from './services.mappers';

export interface ServiceEventInput {
  serviceId?: string;
  integrationKey?: string;
  action: EventAction;
  dedupKey?: string;
  summary?: string;
  source?: string;
  severity?: EventSeverity;
  details?: unknown;
}

export interface EventOutcome {
  event: ServiceEvent;
  incident: Incident | null;
  suppressed: boolean;
}

/**
 * Events routed to services: TRIGGER opens (or joins) an incident unless the
 * suppression engine says the service is suppressed; ACKNOWLEDGE and RESOLVE act on the open incident
 * of their key whatever the maintenance. Every event is kept with its result.
 */
@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suppression: SuppressionPort,
    private readonly heldAlerts: HeldAlertsService,
    private readonly clock: Clock,
  ) {}

  readonly incidentById = () => rowsById(this.dataSource, Incident);

  readonly eventsByIncident = () =>
    new DataLoader<string, ServiceEvent[]>(async (ids) =>
      groupByKeys(
        ids,
        await this.dataSource
          .getRepository(ServiceEvent)
          .find({ where: { incidentId: In([...ids]) }, order: { receivedAt: 'ASC', id: 'ASC' } }),
        (e) => e.incidentId!,
      ),
    );

  async send(input: ServiceEventInput): Promise<EventOutcome> {
    const service = await this.route(input);
    const now = this.clock.now();
    const dedupKey = input.dedupKey ?? (input.action === EventAction.TRIGGER ? randomUUID() : undefined);
    if (!dedupKey) throw BadUserInputError.field('input.dedupKey', `is required to ${input.action.toLowerCase()}`);
    if (input.action === EventAction.TRIGGER && !input.summary) throw BadUserInputError.field('input.summary', 'is required to trigger');

    return this.dataSource.transaction(async (manager) => {
      const record = (
        result: EventResult,
        incident: Incident | null,
        reasons: SuppressionReasonRecord[] = [],
        heldAlertId: string | null = null,
      ) =>
        manager.save(
          manager.create(ServiceEvent, {
            serviceId: service.id,
            incidentId: incident?.id ?? null,
            heldAlertId,
            action: input.action,
            dedupKey,
            summary: input.summary ?? null,
            source: input.source ?? null,
            severity: input.severity ?? null,
            details: input.details ?? null,
            result,
            reasons,
            receivedAt: now,
          }),
        );

      if (input.action !== EventAction.TRIGGER) {
        const incident = await findOpenIncident(manager, service.id, dedupKey);
        // A RESOLVE also clears the alert held for the key, so the maintenance's end opens nothing.
        const cleared = input.action === EventAction.RESOLVE ? await this.heldAlerts.clear(manager, service.id, dedupKey, now) : null;
        if (!incident) {
          const result = cleared ? EventResult.HELD_CLEARED : EventResult.IGNORED;
          return { event: await record(result, null, [], cleared), incident: null, suppressed: false };
        }
        const acknowledge = input.action === EventAction.ACKNOWLEDGE;
        if (acknowledge) Object.assign(incident, { status: IncidentStatus.ACKNOWLEDGED, acknowledgedAt: incident.acknowledgedAt ?? now });
        else Object.assign(incident, { status: IncidentStatus.RESOLVED, resolvedAt: now });
        await manager.save(incident);
        return {
          event: await record(acknowledge ? EventResult.ACKNOWLEDGED : EventResult.RESOLVED, incident, [], cleared),
          incident,
          suppressed: false,
        };
      }

      if (service.status === ServiceStatus.DISABLED)
        return { event: await record(EventResult.IGNORED, null), incident: null, suppressed: false };
      const [decision] = this.suppression.decide([{ serviceId: service.id }], now);
      const alert = { serviceId: service.id, dedupKey, summary: input.summary!, severity: input.severity ?? EventSeverity.CRITICAL };
      if (decision.suppressed) {
        const reasons = decision.reasons.map(toReasonRecord);
        const held = await this.heldAlerts.hold(manager, alert, now, reasons);
        return { event: await record(EventResult.SUPPRESSED, null, reasons, held), incident: null, suppressed: true };
      }
      // The maintenance is over but its held alert not yet released: release it first, so this trigger joins what it opens.
      await this.heldAlerts.releaseKey(manager, service, dedupKey, now);
      const { incident, opened } = await openOrJoinIncident(manager, alert, now);
      return {
        event: await record(opened ? EventResult.INCIDENT_OPENED : EventResult.ADDED_TO_INCIDENT, incident),
        incident,
        suppressed: false,
      };
    });
  }

  list(filter: { serviceIds?: string[]; status?: IncidentStatus[] }, page: PageArgs): Promise<Connection<Incident>> {
    const query = this.dataSource.getRepository(Incident).createQueryBuilder('i');
    if (filter.serviceIds?.length) query.andWhere('i.service_id IN (:...serviceIds)', { serviceIds: filter.serviceIds });
    if (filter.status?.length) query.andWhere('i.status IN (:...status)', { status: filter.status });
    return keysetPage(
      query,
      page,
      byTime('i.created_at', 'i.id', (i) => i.createdAt, 'DESC'),
    );
  }

  /** Every event received, suppressed ones included: newest first. */
  listEvents(
    filter: { serviceIds?: string[]; result?: EventResult[]; from?: Date; to?: Date },
    page: PageArgs,
  ): Promise<Connection<ServiceEvent>> {
    const query = this.dataSource.getRepository(ServiceEvent).createQueryBuilder('e');
    if (filter.serviceIds?.length) query.andWhere('e.service_id IN (:...serviceIds)', { serviceIds: filter.serviceIds });
    if (filter.result?.length) query.andWhere('e.result IN (:...result)', { result: filter.result });
    if (filter.from) query.andWhere('e.received_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.received_at < :to', { to: filter.to });
    return keysetPage(
      query,
      page,
      byTime('e.received_at', 'e.id', (e) => e.receivedAt, 'DESC'),
    );
  }

  private async route(input: ServiceEventInput): Promise<Service> {
    if (!!input.serviceId === !!input.integrationKey) {
      throw new BadUserInputError([{ path: 'input.serviceId', message: 'give exactly one of serviceId and integrationKey' }]);
    }
    const repo = this.dataSource.getRepository(Service);
    const service = input.serviceId
      ? await repo.findOneBy({ id: input.serviceId })
      : await repo.findOneBy({ integrationKey: input.integrationKey });
    if (!service)
      throw new NotFoundError(
        'Service',
        input.serviceId ?? 'with that integration key',
        input.serviceId ? 'input.serviceId' : 'input.integrationKey',
      );
    return service;
  }
}
