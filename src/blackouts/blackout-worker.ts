import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { Clock } from '../common/clock/clock';
import { PeriodicWorker } from '../common/periodic-worker';
import { HushConfig } from '../config/config';
import { occurrencesBetween } from '../schedule';
import { BlackoutTransition, PolicyRunKind } from './blackout.entities';
import { BlackoutActionsService } from './blackout-actions.service';
import { PolicyCache } from './policy-cache';

/** How far back a tick looks for transitions it has not run: covers a Hush that was down this long. */
const CATCH_UP_MS = 7 * 86_400_000;

interface Due {
  at: Date;
  kind: PolicyRunKind;
  run: () => Promise<boolean>;
}

/**
 * Runs policy start and end actions, and the release of blacked-out events at
 * each END. Every tick (and at start, to catch up) it lists the transitions due
 * within the catch-up horizon that have no claim row yet — the START of an
 * occurrence in progress (for a policy with actions), the END of every
 * occurrence that has ended (for one with actions or events to release) —
 * oldest first (an END before a START at the same instant), and runs each;
 * the claim row makes that exactly once across replicas.
 */
@Injectable()
export class BlackoutWorker extends PeriodicWorker implements OnApplicationBootstrap {
  private readonly logger = new Logger('BlackoutWorker');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly policies: PolicyCache,
    private readonly actions: BlackoutActionsService,
    private readonly clock: Clock,
    @Inject(HushConfig) config: HushConfig,
  ) {
    super('BlackoutWorker', config.HUSH_BLACKOUT_TICK_MS);
  }

  onApplicationBootstrap() {
    if (this.everyMs > 0) {
      this.startTimer();
      void this.tick().catch((e: unknown) => this.logger.error(`catch-up failed: ${String(e)}`));
    }
  }

  /** Runs what is due now; returns how many transitions this replica ran. */
  protected async run(): Promise<number> {
    const now = this.clock.now();
    const horizon = new Date(now.getTime() - CATCH_UP_MS);
    const claimed = new Set(
      (
        await this.dataSource
          .getRepository(BlackoutTransition)
          .find({ where: { dueAt: MoreThan(horizon) }, select: { policyId: true, occurrenceStart: true, kind: true } })
      ).map((t) => `${t.policyId}/${t.occurrenceStart.getTime()}/${t.kind}`),
    );
    // Policies with events to release at an END, whether or not they have start and end actions.
    const releasing = new Set(
      (
        await this.dataSource.query<{ id: string }[]>(
          `SELECT DISTINCT blacked_out_by_id AS id FROM event
           WHERE blacked_out_by_id IS NOT NULL AND released_at IS NULL AND status <> 'CLOSED'`,
        )
      ).map((r) => r.id),
    );
    const due: Due[] = [];
    for (const compiled of await this.policies.enabled()) {
      const { policy } = compiled;
      const acts = policy.blackoutExistingEvents || policy.resetStatusOnBlackoutEnd;
      if (!acts && !releasing.has(policy.id)) continue;
      for (const occurrence of occurrencesBetween(compiled.schedule, horizon, new Date(now.getTime() + 1))) {
        const key = (kind: PolicyRunKind) => `${policy.id}/${occurrence.start.getTime()}/${kind}`;
        // A START matters only while its occurrence lasts: blacking out for a window already over would be wrong.
        if (acts && occurrence.start <= now && occurrence.end > now && !claimed.has(key(PolicyRunKind.START))) {
          due.push({
            at: occurrence.start,
            kind: PolicyRunKind.START,
            run: () => this.actions.run(compiled, occurrence, PolicyRunKind.START),
          });
        }
        // Every END since the policy existed runs, in order, so a replica that was down catches up.
        if (occurrence.end <= now && occurrence.end > policy.createdAt && !claimed.has(key(PolicyRunKind.END))) {
          due.push({ at: occurrence.end, kind: PolicyRunKind.END, run: () => this.actions.run(compiled, occurrence, PolicyRunKind.END) });
        }
      }
    }
    due.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.kind === b.kind ? 0 : a.kind === PolicyRunKind.END ? -1 : 1));
    let ran = 0;
    for (const d of due) {
      // Shutting down: stop after the current claim; the rest is caught up on the next start.
      if (this.stopping) break;
      if (await d.run()) ran++;
    }
    return ran;
  }
}
