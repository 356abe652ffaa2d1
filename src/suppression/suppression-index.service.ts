import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntitySubscriberInterface, type TransactionCommitEvent } from 'typeorm';
import { BlackoutPolicy } from '../blackouts/blackout.entities';
import { byPrecedence } from '../blackouts/compiled-policy';
import { PolicyCache } from '../blackouts/policy-cache';
import { PolicyIndex } from '../blackouts/policy-index';
import { CHANGELOG_CHANNEL } from '../common/changelog/changelog.feed';
import { ChangeLogService } from '../common/changelog/changelog.service';
import { SuppressionSource } from '../common/graphql/suppression-reason.type';
import { NotificationBus } from '../database/notification-bus';
import { MaintenancePeriod } from '../monitors/monitor.entities';
import { periodName } from '../monitors/monitors.resolver';
import { SUPPRESSING } from '../provider-maintenance/maintenance-query.service';
import { ImpactLevel } from '../provider-maintenance/maintenance-status';
import { compileSchedule } from '../schedule';
import { SuppressionSources, type FixedSource } from './suppression-sources';

/**
 * Each replica's in-memory copy of every suppression source. Built at start;
 * rebuilt after any change: at once when the change committed here (so a
 * client reads its own writes), and on the changelog's LISTEN/NOTIFY when it
 * committed on another replica. Decisions wait for a rebuild in progress, so
 * they never answer from a copy older than a change already heard of.
 */
@Injectable()
export class SuppressionIndex implements OnApplicationBootstrap, OnApplicationShutdown, EntitySubscriberInterface {
  private readonly logger = new Logger('SuppressionIndex');
  private sources: SuppressionSources | null = null;
  private loading: Promise<void> | null = null;
  private stale = false;
  private unlisten?: () => void;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
    private readonly policies: PolicyCache,
    private readonly changeLog: ChangeLogService,
  ) {
    dataSource.subscribers.push(this);
  }

  async onApplicationBootstrap() {
    // Own changes were already handled after their commit; only other replicas' matter here.
    this.unlisten = await this.bus.listen(CHANGELOG_CHANNEL, (payload) => {
      if ((JSON.parse(payload) as { replica?: string }).replica !== this.changeLog.replica) this.refresh();
    });
    this.refresh();
  }

  onApplicationShutdown() {
    this.unlisten?.();
  }

  /** TypeORM calls this after every commit; only those that recorded a change matter. */
  afterTransactionCommit(event: TransactionCommitEvent) {
    if (!event.queryRunner.data.changeLogged) return;
    event.queryRunner.data.changeLogged = false;
    // Not awaited: the rebuild needs a connection, and on PGlite the only one is still this transaction's.
    this.refresh();
  }

  /** The sources, as of the last change heard of. */
  async current(): Promise<SuppressionSources> {
    // Another provider's start-up may ask before this one's has begun the first build.
    if (!this.sources && !this.loading) this.refresh();
    while (this.loading) await this.loading;
    if (!this.sources) throw new Error('the suppression index could not be built; the log says why');
    return this.sources;
  }

  private refresh() {
    if (this.loading) {
      // A rebuild already running may have read before this change: run one more after it.
      this.stale = true;
      return;
    }
    this.loading = this.load()
      .catch((error: unknown) => this.logger.error(`rebuilding the suppression index failed: ${String(error)}`))
      .finally(() => {
        this.loading = null;
        if (this.stale) {
          this.stale = false;
          this.refresh();
        }
      });
  }

  private async load() {
    const [windows, maintenances, periods, policies] = await Promise.all([
      this.dataSource.query(
        `SELECT w.id, w.description, w.starts_at, w.ends_at, array_agg(ws.service_id::text) AS services
         FROM maintenance_window w JOIN maintenance_window_service ws ON ws.window_id = w.id GROUP BY w.id`,
      ) as Promise<{ id: string; description: string; starts_at: Date; ends_at: Date; services: string[] }[]>,
      this.dataSource.query(
        `SELECT m.id, m.name, m.status, m.starts_at, m.ends_at,
                coalesce(json_agg(json_build_object('type', i.target_type, 'id', i.target_id, 'level', i.level))
                         FILTER (WHERE i.id IS NOT NULL), '[]') AS impacts
         FROM maintenance m LEFT JOIN maintenance_impact i ON i.maintenance_id = m.id GROUP BY m.id`,
      ) as Promise<
        {
          id: string;
          name: string;
          status: string;
          starts_at: Date;
          ends_at: Date;
          impacts: { type: string; id: string; level: string }[];
        }[]
      >,
      this.dataSource.getRepository(MaintenancePeriod).find(),
      this.dataSource.getRepository(BlackoutPolicy).find({ where: { enabled: true } }),
    ]);
    const fixed: FixedSource[] = [
      ...windows.map((w) => ({
        source: SuppressionSource.SERVICE_WINDOW as const,
        id: w.id,
        name: w.description || 'Maintenance window',
        start: new Date(w.starts_at),
        end: new Date(w.ends_at),
        targets: w.services.map((id) => ({ type: 'SERVICE', id, suppresses: true })),
      })),
      ...maintenances.map((m) => {
        const suppressing = (SUPPRESSING as string[]).includes(m.status);
        return {
          source: SuppressionSource.PROVIDER_MAINTENANCE as const,
          id: m.id,
          name: `${m.name} (${m.status})`,
          start: new Date(m.starts_at),
          end: new Date(m.ends_at),
          targets: m.impacts.map((i) => ({
            type: i.type,
            id: i.id,
            suppresses: suppressing && i.level !== ImpactLevel.NO_IMPACT && (i.type === 'SERVICE' || i.type === 'MONITOR'),
          })),
        };
      }),
    ];
    this.sources = new SuppressionSources(
      fixed,
      periods.map((p) => ({
        id: p.id,
        name: periodName(p),
        monitorId: p.monitorId,
        type: p.maintenanceType,
        schedule: compileSchedule(p.schedule),
      })),
      new PolicyIndex(policies.sort(byPrecedence).map((p) => this.policies.compile(p))),
    );
  }
}
