import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { PeriodicJob } from '../common/periodic-job';
import { HushConfig } from '../config/config';
import { SuppressionEngine } from './suppression-engine.service';
import { TransitionWatch, type Transition } from './window-transitions';

export const TRANSITION_CHANNEL = 'hush_window_transition';
const RETENTION_MS = 7 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;

/**
 * Watches the clock against the suppression engine's sources and announces each
 * occurrence's STARTED and ENDED. Every replica watches; the claim row
 * (primary key, ON CONFLICT DO NOTHING) lets exactly one announce each
 * transition, with a NOTIFY in the same statement that reaches every
 * replica's subscribers once the claim commits.
 */
@Injectable()
export class WindowTransitionWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job = new PeriodicJob('WindowTransitionWorker', () => this.run());
  private readonly watch = new TransitionWatch();
  private purgedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: SuppressionEngine,
    private readonly clock: Clock,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {}

  async onApplicationBootstrap() {
    // What is in effect at start is the baseline: announcing it again would repeat what another replica (or this one, before a restart) said.
    await this.tick();
    this.job.start(this.config.HUSH_TRANSITION_TICK_MS);
  }

  onApplicationShutdown() {
    return this.job.stop();
  }

  /** Announces what happened since the last tick; returns how many transitions this replica claimed. Overlapping calls share one run. */
  tick(): Promise<number> {
    return this.job.tick();
  }

  private async run(): Promise<number> {
    const now = this.clock.now();
    const transitions = this.watch.advance(this.engine.state, now);
    const claimed = transitions.length ? await this.claim(transitions, now) : 0;
    if (now.getTime() - this.purgedAt > PURGE_EVERY_MS) {
      this.purgedAt = now.getTime();
      await this.dataSource.query(`DELETE FROM window_transition WHERE at < $1`, [new Date(now.getTime() - RETENTION_MS)]);
    }
    return claimed;
  }

  private async claim(transitions: Transition[], now: Date): Promise<number> {
    const column = <T>(pick: (t: Transition) => T) => transitions.map(pick);
    const rows = (await this.dataSource.query(
      `WITH claimed AS (
         INSERT INTO window_transition (source, source_id, occurrence_start, kind, at, occurrence_end, title, targets, claimed_at)
         SELECT t.*, $9::timestamptz
         FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::jsonb[]) AS t
         ON CONFLICT DO NOTHING
         RETURNING source, source_id, occurrence_start, kind, at)
       SELECT pg_notify('${TRANSITION_CHANNEL}', json_build_object('source', source, 'id', source_id, 'start', occurrence_start, 'kind', kind)::text)
       FROM (SELECT * FROM claimed ORDER BY at, kind) AS c`,
      [
        column((t) => t.entry.source),
        column((t) => t.entry.id),
        column((t) => t.entry.start),
        column((t) => t.kind),
        column((t) => t.at),
        column((t) => t.entry.end),
        column((t) => t.entry.title),
        column((t) => JSON.stringify(t.entry.targets)),
        now,
      ],
    )) as unknown[];
    return rows.length;
  }
}
