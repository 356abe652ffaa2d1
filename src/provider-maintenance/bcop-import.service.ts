import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { Actor } from '../common/auth/actor';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { Clock } from '../common/clock/clock';
import { BadUserInputError } from '../common/errors/domain-error';
import { parseBcopNotification, type BcopNotification } from './bcop/parse-notification';
import { Circuit, Provider } from './entities/inventory.entities';
import { EventNotification, Impact, ImpactTargetKind, Maintenance, NotificationFormat } from './entities/maintenance.entity';
import { MaintenanceService, OBJECT_TYPE } from './maintenance.service';
import { ImpactLevel, MaintenanceStatus } from './maintenance-status';
import { impactsFrozen } from './workflow/maintenance-workflow';

export type ImportOutcome = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'IGNORED_OLDER';

export interface ImportResult {
  maintenance: Maintenance;
  outcome: ImportOutcome;
  unknownObjectIds: string[];
}

/** A notice that names no impact is taken at its worst: the NOC would rather over-warn. */
const DEFAULT_IMPACT = ImpactLevel.OUTAGE;

/**
 * Turns a provider's BCOP iCalendar notification into a maintenance: the
 * first notice of a maintenance id creates it, later ones (higher SEQUENCE)
 * update it — status through the workflow — and older ones are ignored. Its
 * objects that are known circuits of the provider become impacts; the others
 * are reported, never dropped silently. The raw text is kept as a notification.
 */
@Injectable()
export class BcopImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly maintenances: MaintenanceService,
    private readonly changeLog: ChangeLogService,
    private readonly clock: Clock,
  ) {}

  async import(input: { providerId: string; ical: string }, actor: Actor): Promise<ImportResult> {
    const notices = parseBcopNotification(input.ical);
    if (notices.length !== 1)
      throw BadUserInputError.field('input.ical', `holds ${notices.length} maintenance events; import one notification at a time`);
    const notice = notices[0];
    // A RE-SCHEDULED notice carries the new window; the workflow's RE_SCHEDULED is only for replaced records.
    const status = notice.status === MaintenanceStatus.RE_SCHEDULED ? null : notice.status;
    return this.dataSource.transaction(async (manager) => {
      if (!(await manager.existsBy(Provider, { id: input.providerId })))
        throw BadUserInputError.field('input.providerId', `no provider ${input.providerId}`);
      const { known, unknown } = await this.circuits(manager, input.providerId, notice);
      const existing = await manager.findOne(Maintenance, {
        where: { providerId: input.providerId, providerMaintenanceId: notice.maintenanceId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!existing) {
        const created = await this.maintenances.insert(
          manager,
          {
            ...this.fields(notice),
            providerId: input.providerId,
            status: status ?? MaintenanceStatus.UNKNOWN,
            internalTicket: '',
            acknowledged: false,
            comments: '',
            impactDescription: '',
            replacesId: null,
            providerMaintenanceId: notice.maintenanceId,
            noticeSequence: notice.sequence,
          },
          actor,
        );
        await this.syncImpacts(manager, created, known, notice, actor);
        await this.keepRaw(manager, created, notice, input.ical, actor);
        return { maintenance: created, outcome: 'CREATED', unknownObjectIds: unknown };
      }
      if (notice.sequence !== null && existing.noticeSequence !== null && notice.sequence < existing.noticeSequence) {
        return { maintenance: existing, outcome: 'IGNORED_OLDER', unknownObjectIds: unknown };
      }
      // Impacts before status: a notice that cancels still records what it would have touched.
      const impactsChanged = await this.syncImpacts(manager, existing, known, notice, actor);
      const before = JSON.stringify(existing);
      const updated = await this.maintenances.change(
        manager,
        existing.id,
        { ...this.fields(notice), ...(status ? { status } : {}), noticeSequence: notice.sequence ?? existing.noticeSequence },
        actor,
      );
      const rawKept = await this.keepRaw(manager, updated, notice, input.ical, actor);
      const changed = impactsChanged || rawKept || JSON.stringify(updated) !== before;
      return { maintenance: updated, outcome: changed ? 'UPDATED' : 'UNCHANGED', unknownObjectIds: unknown };
    });
  }

  private fields(notice: BcopNotification) {
    return {
      name: notice.maintenanceId.slice(0, 100),
      summary: notice.summary.slice(0, 200),
      startsAt: notice.start,
      endsAt: notice.end,
      originalTimeZone: notice.timeZone,
    };
  }

  /** The notice's objects that are circuits of this provider (by circuit id), and those that are not. */
  private async circuits(manager: EntityManager, providerId: string, notice: BcopNotification) {
    const ids = notice.objects.map((o) => o.id);
    const circuits = ids.length ? await manager.find(Circuit, { where: { providerId, cid: In(ids) } }) : [];
    const byCid = new Map(circuits.map((c) => [c.cid, c]));
    return {
      known: notice.objects.flatMap((o) =>
        byCid.has(o.id) ? [{ circuit: byCid.get(o.id)!, level: o.impact ?? notice.impact ?? DEFAULT_IMPACT }] : [],
      ),
      unknown: ids.filter((id) => !byCid.has(id)),
    };
  }

  /** Adds or re-levels circuit impacts; returns whether anything changed. Frozen impacts stay as they are. */
  private async syncImpacts(
    manager: EntityManager,
    m: Maintenance,
    known: { circuit: Circuit; level: ImpactLevel }[],
    notice: BcopNotification,
    actor: Actor,
  ): Promise<boolean> {
    if (impactsFrozen(m.status) || known.length === 0) return false;
    const current = await manager.find(Impact, { where: { maintenanceId: m.id, targetType: ImpactTargetKind.CIRCUIT } });
    const byTarget = new Map(current.map((i) => [i.targetId, i]));
    const changes: { before: unknown; after: unknown }[] = [];
    for (const { circuit, level } of known) {
      const impact = byTarget.get(circuit.id);
      if (impact?.level === level) continue;
      if (impact) await manager.update(Impact, { id: impact.id }, { level });
      else await manager.insert(Impact, { maintenanceId: m.id, targetType: ImpactTargetKind.CIRCUIT, targetId: circuit.id, level });
      changes.push({ before: impact ? { target: circuit.cid, level: impact.level } : null, after: { target: circuit.cid, level } });
    }
    if (!changes.length) return false;
    await this.changeLog.record(manager, {
      objectType: OBJECT_TYPE,
      objectId: m.id,
      action: 'UPDATE',
      actor,
      changes: { impacts: { before: changes.map((c) => c.before), after: changes.map((c) => c.after) } },
      status: m.status,
    });
    return true;
  }

  /** Attaches the raw notification unless this very text is already attached; returns whether it was. */
  private async keepRaw(manager: EntityManager, m: Maintenance, notice: BcopNotification, ical: string, actor: Actor): Promise<boolean> {
    if (await manager.existsBy(EventNotification, { maintenanceId: m.id, body: ical })) return false;
    await this.maintenances.attachNotification(
      m.id,
      {
        subject: notice.summary.slice(0, 500),
        sender: notice.organizer ?? notice.provider ?? 'unknown',
        receivedAt: notice.stamp ?? this.clock.now(),
        body: ical,
        format: NotificationFormat.ICAL,
      },
      actor,
      manager,
    );
    return true;
  }
}
