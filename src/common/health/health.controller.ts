import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../../database/notification-bus';
import { Public } from '../auth/auth.decorators';

/** How long a health check waits for the database to answer `SELECT 1`. */
const PROBE_WAIT_MS = 50;
/** A probe unanswered for this long means the database is down, not just busy. */
const PROBE_STUCK_MS = 10_000;

type Database = 'up' | 'slow' | 'down';

/**
 * For load balancers and people: no token, no details beyond up or down.
 *
 * It answers within ~50 ms whatever the database is doing: a probe queued
 * behind a long statement (the embedded store has one session) reports
 * `slow`, which is still healthy, until it has waited 10 s. One probe at a
 * time: checks that come meanwhile wait for the same one. `degraded` (503)
 * when the database is down or the LISTEN connection (changes from other
 * replicas, token revocations) is.
 */
@Controller('health')
export class HealthController {
  private probe?: { started: number; result: Promise<'up' | 'down'> };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly bus: NotificationBus,
  ) {}

  @Public()
  @Get()
  async health(@Res() res: Response) {
    const database = await this.database();
    const listener = this.bus.listening ? ('up' as const) : ('down' as const);
    const ok = database !== 'down' && listener === 'up';
    res.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'degraded', database, listener });
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
