import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { PeriodicWorker } from '../common/periodic-worker';
import { HushConfig } from '../config/config';
import { SuppressionEngine } from './suppression-engine.service';
import { KIND_ORDER, WindowTransitionKind, transitionKey, TransitionWatch, type Transition } from './window-transitions';

export const TRANSITION_CHANNEL = 'hush_window_transition';
const RETENTION_MS = 7 * 86_400_000;
const PURGE_EVERY_MS = 3_600_000;
/** Transitions kept for the next tick while they cannot be claimed (the database is away); beyond this the oldest go. */
const MAX_PENDING = 10_000;

/**
 * Watches the clock against the suppression engine's sources and announces each
 * occurrence's STARTED, ENDING_SOON, EXTENDED, SHORTENED and ENDED. Every replica watches; the claim row
 * (primary key, ON CONFLICT DO NOTHING) lets exactly one announce each
 * transition, with a NOTIFY in the same statement that reaches every
 * replica's subscribers once the claim commits.
 */
@Injectable()
export class WindowTransitionWorker extends PeriodicWorker implements OnApplicationBootstrap {
  private readonly watch: TransitionWatch;
  /** Seen but not yet claimed: claiming failed, so the next tick tries them again, in order. */
  private pending: Transition[] = [];
  private purgedAt = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly engine: SuppressionEngine,
    private readonly clock: Clock,
    @Inject(HushConfig) config: HushConfig,
  ) {
    super('WindowTransitionWorker', config.HUSH_TRANSITION_TICK_MS);
    this.watch = new TransitionWatch(config.HUSH_ENDING_SOON_MINUTES * 60_000);
  }

  async onApplicationBootstrap() {
    // What is in effect at start is the baseline: announcing it again would repeat what another replica (or this one, before a restart) said.
    await this.tick();
    this.startTimer();
  }

  /** Announces what happened since the last tick; returns how many transitions this replica claimed. */
  protected async run(): Promise<number> {
    const now = this.clock.now();
    const transitions = [...this.pending, ...this.watch.advance(this.engine.state, now)].slice(-MAX_PENDING);
    this.pending = transitions;
    const claimed = transitions.length ? await this.claim(transitions, now) : 0;
    this.pending = [];
    if (now.getTime() - this.purgedAt > PURGE_EVERY_MS) {
      this.purgedAt = now.getTime();
      await this.dataSource.query(`DELETE FROM window_transition WHERE at < $1`, [new Date(now.getTime() - RETENTION_MS)]);
    }
    return claimed;
  }

  /**
   * Claims each transition's row. Its round is the same on every replica, so
   * the same transition seen by two is one row and a repeat is a new one:
   * for a STARTED or ENDED, the number of transitions of the other of the two
   * the occurrence already had (claimed before, or earlier in this batch),
   * less one for an ENDED — so a second STARTED after a cancel and a confirm
   * is a new row; for an ENDING_SOON, EXTENDED or SHORTENED, the number of
   * times its end already moved — so a warning after an extension is new.
   */
  private async claim(transitions: Transition[], now: Date): Promise<number> {
    const column = <T>(pick: (t: Transition) => T) => transitions.map(pick);
    const earlier = new Map<string, number>();
    const count = (key: string) => earlier.get(key) ?? 0;
    const offsets = transitions.map((t) => {
      const occurrence = transitionKey(t.entry);
      const moves = count(`${occurrence}/${WindowTransitionKind.EXTENDED}`) + count(`${occurrence}/${WindowTransitionKind.SHORTENED}`);
      earlier.set(`${occurrence}/${t.kind}`, count(`${occurrence}/${t.kind}`) + 1);
      if (t.kind === WindowTransitionKind.STARTED) return count(`${occurrence}/${WindowTransitionKind.ENDED}`);
      if (t.kind === WindowTransitionKind.ENDED) return count(`${occurrence}/${WindowTransitionKind.STARTED}`) - 1;
      return moves;
    });
    const rows = await this.dataSource.query<unknown[]>(
      `WITH batch AS (
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::timestamptz[], $4::text[], $5::timestamptz[], $6::timestamptz[], $7::text[], $8::jsonb[], $10::int[])
           WITH ORDINALITY AS t(source, source_id, occurrence_start, kind, at, occurrence_end, title, targets, offset_in_batch, n)),
       claimed AS (
         INSERT INTO window_transition (source, source_id, occurrence_start, kind, round, at, occurrence_end, title, targets, claimed_at)
         SELECT b.source, b.source_id, b.occurrence_start, b.kind,
                b.offset_in_batch + (SELECT count(*) FROM window_transition w
                                     WHERE w.source = b.source AND w.source_id = b.source_id
                                       AND w.occurrence_start = b.occurrence_start
                                       AND CASE WHEN b.kind IN ('STARTED', 'ENDED') THEN w.kind IN ('STARTED', 'ENDED') AND w.kind <> b.kind
                                                ELSE w.kind IN ('EXTENDED', 'SHORTENED') END)::int,
                b.at, b.occurrence_end, b.title, b.targets, $9::timestamptz
         FROM batch b ORDER BY b.n
         ON CONFLICT DO NOTHING
         RETURNING source, source_id, occurrence_start, kind, round, at)
       SELECT pg_notify('${TRANSITION_CHANNEL}',
                        json_build_object('source', source, 'id', source_id, 'start', occurrence_start, 'kind', kind, 'round', round)::text)
       FROM (SELECT * FROM claimed ORDER BY at, array_position($11::text[], kind)) AS c`,
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
        offsets,
        KIND_ORDER,
      ],
    );
    return rows.length;
  }
}
