import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Clock } from '../common/clock/clock';
import type { Connection } from '../common/pagination/connection';
import { byTime, keysetPage } from '../common/pagination/keyset';
import type { PageArgs } from '../common/pagination/page-args';
import type { Reason } from '../common/suppression/suppression.model';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { HeldAlert, HeldAlertStatus } from './entities/held-alert.entity';
import type { EventSeverity, SuppressionReasonRecord } from './entities/incident.entity';
import { MaintenanceEndAction, Service, ServiceStatus } from './entities/service.entity';
import { RELEASE_CHANNEL, ReleaseOutcome, type AlertRelease } from './alert-release';
import { openOrJoinIncident } from './incident-opening';
import { toReasonRecord } from './services.mappers';

/** SQL: the reasons of `incoming` (a jsonb array) whose source is not in `held` yet — so each source is in held_by once, in the order it first held. */
const newReasons = (held: string, incoming: string) =>
  `COALESCE((SELECT jsonb_agg(r) FROM jsonb_array_elements(${incoming}) r
             WHERE NOT EXISTS (SELECT 1 FROM jsonb_array_elements(${held}) h
                               WHERE h->>'source' = r->>'source' AND h->>'id' = r->>'id')), '[]'::jsonb)`;

/**
 * TRIGGERs that maintenance suppressed are held, not dropped: a later
 * trigger with the key joins the held alert, a RESOLVE clears it, and when
 * nothing suppresses the service any more it is released — into an incident
 * (opened then, or joined if one is open) or, where the service says so,
 * discarded. Releases happen in a transaction that locks the held rows
 * (skipping rows another replica holds), so each happens exactly once.
 */
@Injectable()
export class HeldAlertsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly suppression: SuppressionPort,
    private readonly clock: Clock,
  ) {}

  /** Holds a suppressed trigger (or joins the alert held for its key); returns the held alert's id. */
  async hold(
    manager: EntityManager,
    alert: { serviceId: string; dedupKey: string; summary: string; severity: EventSeverity },
    now: Date,
    reasons: SuppressionReasonRecord[],
  ): Promise<string> {
    const [{ id }] = await manager.query<{ id: string }[]>(
      `INSERT INTO held_alert (service_id, dedup_key, summary, severity, first_triggered_at, last_triggered_at, held_by)
       VALUES ($1, $2, $3, $4, $5, $5, $6::jsonb)
       ON CONFLICT (service_id, dedup_key) WHERE status = 'HELD' DO UPDATE SET
         triggers = held_alert.triggers + 1,
         last_triggered_at = EXCLUDED.last_triggered_at,
         held_by = held_alert.held_by || ${newReasons('held_alert.held_by', 'EXCLUDED.held_by')}
       RETURNING id`,
      [alert.serviceId, alert.dedupKey, alert.summary, alert.severity, now, JSON.stringify(reasons)],
    );
    return id;
  }

  /** A RESOLVE: clears the alert held for the key, if any; returns its id. */
  async clear(manager: EntityManager, serviceId: string, dedupKey: string, now: Date): Promise<string | null> {
    const [rows] = await manager.query<[{ id: string }[], number]>(
      `UPDATE held_alert SET status = 'CLEARED', ended_at = $3 WHERE service_id = $1 AND dedup_key = $2 AND status = 'HELD' RETURNING id`,
      [serviceId, dedupKey, now],
    );
    return rows[0]?.id ?? null;
  }

  /** Releases the alert held for one key at once (a trigger came after the maintenance, before the release worker saw its end). */
  async releaseKey(manager: EntityManager, service: Service, dedupKey: string, now: Date): Promise<void> {
    const held = await manager
      .createQueryBuilder(HeldAlert, 'h')
      .where('h.service_id = :s AND h.dedup_key = :k AND h.status = :held', { s: service.id, k: dedupKey, held: HeldAlertStatus.HELD })
      .setLock('pessimistic_write')
      .getOne();
    if (held) await this.release(manager, held, service, now);
  }

  /** Releases every alert whose service nothing suppresses now; returns how many this replica released. */
  async releaseDue(): Promise<number> {
    const now = this.clock.now();
    const serviceIds = (
      await this.dataSource.query<{ service_id: string }[]>(`SELECT DISTINCT service_id FROM held_alert WHERE status = 'HELD'`)
    ).map((r) => r.service_id);
    if (serviceIds.length === 0) return 0;
    const decisions = this.suppression.decide(
      serviceIds.map((serviceId) => ({ serviceId })),
      now,
    );
    await this.noteHolders(
      serviceIds.flatMap((serviceId, i) => (decisions[i].suppressed ? [{ serviceId, reasons: decisions[i].reasons }] : [])),
    );
    const free = serviceIds.filter((_, i) => !decisions[i].suppressed);
    if (free.length === 0) return 0;
    return this.dataSource.transaction(async (manager) => {
      const due = await manager
        .createQueryBuilder(HeldAlert, 'h')
        .where('h.status = :held AND h.service_id IN (:...free)', { held: HeldAlertStatus.HELD, free })
        .orderBy('h.first_triggered_at')
        .addOrderBy('h.id')
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (due.length === 0) return 0;
      const services = new Map((await manager.findBy(Service, { id: In(free) })).map((s) => [s.id, s]));
      for (const held of due) await this.release(manager, held, services.get(held.serviceId)!, now);
      return due.length;
    });
  }

  /** Adds to each held alert the sources that hold it now and had not yet (one that began after its triggers holds it too). */
  private async noteHolders(held: { serviceId: string; reasons: readonly Reason[] }[]) {
    if (held.length === 0) return;
    // One statement for every service: each held alert's new holders are those of its service not in its held_by yet.
    await this.dataSource.query(
      `UPDATE held_alert h SET held_by = h.held_by || ${newReasons('h.held_by', 'n.reasons')}
       FROM unnest($1::uuid[], $2::jsonb[]) AS n(service_id, reasons)
       WHERE h.service_id = n.service_id AND h.status = 'HELD' AND ${newReasons('h.held_by', 'n.reasons')} <> '[]'::jsonb`,
      [held.map((h) => h.serviceId), held.map((h) => JSON.stringify(h.reasons.map(toReasonRecord)))],
    );
  }

  private async release(manager: EntityManager, held: HeldAlert, service: Service, now: Date): Promise<void> {
    let outcome: ReleaseOutcome = ReleaseOutcome.DISCARDED;
    held.endedAt = now;
    if (service.onMaintenanceEnd === MaintenanceEndAction.DISCARD || service.status === ServiceStatus.DISABLED) {
      held.status = HeldAlertStatus.DISCARDED;
    } else {
      const { incident, opened } = await openOrJoinIncident(manager, held, now, held.heldBy);
      outcome = opened ? ReleaseOutcome.INCIDENT_OPENED : ReleaseOutcome.ADDED_TO_INCIDENT;
      Object.assign(held, { status: HeldAlertStatus.RELEASED, incidentId: incident.id });
      // The held triggers become the incident's first events, each with its own time.
      await manager.query(`UPDATE service_event SET incident_id = $1 WHERE held_alert_id = $2`, [incident.id, held.id]);
    }
    await manager.save(held);
    const release: AlertRelease = { heldAlertId: held.id, serviceId: held.serviceId, outcome };
    // Delivered to every replica's subscribers when (and only if) the release commits.
    await manager.query(`SELECT pg_notify($1, $2)`, [RELEASE_CHANNEL, JSON.stringify(release)]);
  }

  /** What is held now, oldest first. */
  list(filter: { serviceIds?: string[] | null }, page: PageArgs): Promise<Connection<HeldAlert>> {
    const query = this.dataSource
      .getRepository(HeldAlert)
      .createQueryBuilder('h')
      .where('h.status = :held', { held: HeldAlertStatus.HELD });
    if (filter.serviceIds?.length) query.andWhere('h.service_id IN (:...serviceIds)', { serviceIds: filter.serviceIds });
    return keysetPage(
      query,
      page,
      byTime('h.first_triggered_at', 'h.id', (h) => h.firstTriggeredAt, 'ASC'),
    );
  }

  find(id: string): Promise<HeldAlert | null> {
    return this.dataSource.getRepository(HeldAlert).findOneBy({ id });
  }
}
