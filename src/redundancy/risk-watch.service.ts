import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { RiskChangeKind, type RedundancyRiskType } from '../common/redundancy/redundancy-risk.type';
import type { ChangeRef } from '../common/suppression/suppression.model';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { HushConfig } from '../config/config';
import { OBJECT_TYPE } from './redundancy-groups.service';
import { RedundancyRisksService } from './redundancy-risks.service';

export const RISK_CHANNEL = 'hush_redundancy_risk';
const DAY = 86_400_000;
/** Risks are watched from a year back to a year ahead, the range moving a day at a time (so a risk cut by it changes once a day at most). */
const HORIZON = 366 * DAY;
/** Changes arrive in bursts (an import, a transaction of several): one check after the burst. */
const SETTLE_MS = 50;
const RETENTION_MS = 7 * DAY;
/** The advisory lock of the announcing transaction ("risk" in ASCII). */
const RISK_LOCK = 0x7269_736b;

/**
 * Announces each redundancy risk that appears, changes or disappears, once
 * across replicas. After the engine takes in changes (and on a timer), a
 * replica computes the risks and, holding the risk lock, compares them with
 * those announced (`redundancy_risk`), records each difference in
 * `redundancy_risk_change` and NOTIFYs it in the same transaction; another
 * replica that checks next finds nothing left to announce.
 */
@Injectable()
export class RiskWatch implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RiskWatch');
  private chain: Promise<unknown> = Promise.resolve();
  private settling?: NodeJS.Timeout;
  private interval?: NodeJS.Timeout;
  private off?: () => void;
  /** False once a check found no group and nothing announced: changes then matter only when they are of a group. */
  private active = true;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly risks: RedundancyRisksService,
    private readonly suppression: SuppressionPort,
    private readonly clock: Clock,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {}

  onApplicationBootstrap() {
    this.off = this.suppression.onChanged((changes) => this.changed(changes));
    // Not awaited: the engine loads in its own bootstrap, which may come after this one.
    void this.suppression.loaded().then(() => this.request());
    if (this.config.HUSH_RISK_CHECK_MS > 0) {
      this.interval = setInterval(() => this.request(), this.config.HUSH_RISK_CHECK_MS);
      this.interval.unref();
    }
  }

  async onApplicationShutdown() {
    this.stopped = true;
    this.off?.();
    clearTimeout(this.settling);
    clearInterval(this.interval);
    await this.chain;
  }

  /** Compares now, after any check under way; resolves to how many changes this replica announced. */
  check(): Promise<number> {
    const run = this.chain.then(() => this.compare());
    this.chain = run.catch((error: unknown) => this.logger.error(`checking risks failed: ${String(error)}`));
    return run;
  }

  private changed(changes: readonly ChangeRef[]) {
    if (changes.some((c) => c.objectType === OBJECT_TYPE)) this.active = true;
    if (this.active) this.request();
  }

  private request() {
    if (this.stopped) return;
    if (this.settling) return;
    this.settling = setTimeout(() => {
      this.settling = undefined;
      void this.check().catch(() => undefined);
    }, SETTLE_MS);
    this.settling.unref();
  }

  private async compare(): Promise<number> {
    const today = Math.floor(this.clock.now().getTime() / DAY) * DAY;
    const from = new Date(today - HORIZON);
    // Computed before the transaction: it reads the groups through the pool, which on the embedded store is the transaction's one connection.
    const current = new Map((await this.risks.risks(from, new Date(today + HORIZON), { includeTentative: true })).map((r) => [r.id, r]));
    return this.dataSource.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock($1)', [RISK_LOCK]);
      const announced = new Map(
        (await db.query<{ id: string; risk: string }[]>('SELECT id, risk FROM redundancy_risk')).map((r) => [r.id, r.risk]),
      );
      const changes: { kind: RiskChangeKind; risk: string; groupId: string }[] = [];
      for (const [id, risk] of current) {
        const text = JSON.stringify(risk);
        const before = announced.get(id);
        if (before === text) continue;
        changes.push({ kind: before === undefined ? RiskChangeKind.APPEARED : RiskChangeKind.CHANGED, risk: text, groupId: risk.groupId });
      }
      const gone: string[] = [];
      for (const [id, text] of announced) {
        if (current.has(id)) continue;
        gone.push(id);
        const risk = JSON.parse(text) as RedundancyRiskType & { end: string };
        // One that ended before the watched range is history leaving it, not a risk lifted.
        if (Date.parse(risk.end) > from.getTime()) changes.push({ kind: RiskChangeKind.DISAPPEARED, risk: text, groupId: risk.groupId });
      }
      this.active =
        current.size > 0 || announced.size > 0 || (await db.query<unknown[]>('SELECT 1 FROM redundancy_group LIMIT 1')).length > 0;
      if (gone.length) await db.query('DELETE FROM redundancy_risk WHERE id = ANY($1::text[])', [gone]);
      const upserts = changes.filter((c) => c.kind !== RiskChangeKind.DISAPPEARED);
      if (upserts.length) {
        await db.query(
          `INSERT INTO redundancy_risk (id, risk) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (id) DO UPDATE SET risk = EXCLUDED.risk`,
          [upserts.map((c) => (JSON.parse(c.risk) as { id: string }).id), upserts.map((c) => c.risk)],
        );
      }
      const now = this.clock.now();
      if (changes.length) {
        await db.query(
          `WITH recorded AS (
             INSERT INTO redundancy_risk_change (group_id, kind, risk, at)
             SELECT g, k, r, $4 FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS t(g, k, r, n) ORDER BY n
             RETURNING seq)
           SELECT pg_notify('${RISK_CHANNEL}', seq::text) FROM recorded ORDER BY seq`,
          [changes.map((c) => c.groupId), changes.map((c) => c.kind), changes.map((c) => c.risk), now],
        );
      }
      await db.query('DELETE FROM redundancy_risk_change WHERE at < $1', [new Date(now.getTime() - RETENTION_MS)]);
      return changes.length;
    });
  }
}
