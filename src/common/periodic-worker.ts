import type { OnApplicationShutdown } from '@nestjs/common';
import { PeriodicJob } from './periodic-job';

/**
 * A service that does its work in runs of a PeriodicJob: on its timer, once
 * started, and on demand with `tick`. Each subclass says when it starts; at
 * shutdown the timer stops and a run in progress is waited for.
 */
export abstract class PeriodicWorker implements OnApplicationShutdown {
  private readonly job: PeriodicJob;

  /** `everyMs`: the timer's period (0: runs only when asked). */
  protected constructor(
    name: string,
    protected readonly everyMs: number,
  ) {
    this.job = new PeriodicJob(name, () => this.run());
  }

  /** One run; resolves to how many things this replica did in it. */
  protected abstract run(): Promise<number>;

  /** Starts the timer (none when `everyMs` is 0). */
  protected startTimer() {
    this.job.start(this.everyMs);
  }

  /** True once shutting down: a run that does several things in turn stops after the current one. */
  protected get stopping(): boolean {
    return this.job.stopping;
  }

  /** Runs now; a call that overlaps a run in progress shares it. Resolves to what the run did. */
  tick(): Promise<number> {
    return this.job.tick();
  }

  onApplicationShutdown() {
    return this.job.stop();
  }
}
