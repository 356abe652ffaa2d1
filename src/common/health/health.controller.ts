import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../../database/notification-bus';
import { HushConfig } from '../../config/config';
import { Public } from '../auth/auth.decorators';
import { SuppressionPort } from '../suppression/suppression.port';

/** How long a health check waits for the database to answer `SELECT 1`. */
const PROBE_WAIT_MS = 50;
/** A probe unanswered for this long means the database is down, not just busy. */
const PROBE_STUCK_MS = 10_000;

type Database = 'up' | 'slow' | 'down';

/**
 * For load balancers and people: no token, no secrets — the store, whether
 * this replica hears the others (`listening`), and the suppression engine's
 * counts (sources, full loads, changes followed, repairs).
 *
 * It answers within ~50 ms whatever the database is doing: a probe queued
 * behind a long statement (the embedded store has one session) reports
 * `slow`, which is still healthy, until it has waited 10 s. One probe at a
 * time: checks that come meanwhile wait for the same one. `degraded` when the
 * database is down (503) or the LISTEN connection (changes from other
 * replicas, token revocations) is (503 with HUSH_HEALTH_STRICT).
 */
@Controller('health')
export class HealthController {
  private probe?: { started: number; result: Promise<'up' | 'down'> };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
    private readonly suppression: SuppressionPort,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {}

  @Public()
  @Get()
  async health(@Res() res: Response) {
    const database = await this.database();
    const listening = this.bus.listening;
    const ok = database !== 'down' && listening;
    // Not hearing other replicas is degraded but still answering; only a strict balancer drops the replica for it.
    const serving = database !== 'down' && (listening || !this.config.HUSH_HEALTH_STRICT);
    res
      .status(serving ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
      .json({ status: ok ? 'ok' : 'degraded', database, listening, suppression: this.suppression.status() });
  }

  private async database(): Promise<Database> {
    if (!this.probe) {
      const probe = {
        started: Date.now(),
        result: this.dataSource.query('SELECT 1').then(
          () => 'up' as const,
          () => 'down' as const,
        ),
      };
      void probe.result.then(() => {
        if (this.probe === probe) this.probe = undefined;
      });
      this.probe = probe;
    }
    const probe = this.probe;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), PROBE_WAIT_MS)));
    const answer = await Promise.race([probe.result, waited]);
    clearTimeout(timer);
    if (answer) return answer;
    return Date.now() - probe.started < PROBE_STUCK_MS ? 'slow' : 'down';
  }
}
