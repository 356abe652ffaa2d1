import { Logger } from '@nestjs/common';

/**
 * A job run on a timer and on demand. Calls that overlap a run in progress
 * share it rather than start a second one, so a slow run never piles up.
 */
export class PeriodicJob {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    name: string,
    private readonly run: () => Promise<number>,
  ) {
    this.logger = new Logger(name);
  }

  /** Runs every `everyMs` (0: never on its own) without keeping the process alive. */
  start(everyMs: number) {
    if (everyMs <= 0) return;
    this.timer = setInterval(() => void this.tick().catch((e: unknown) => this.logger.error(`tick failed: ${String(e)}`)), everyMs);
    this.timer.unref();
  }

  /** The current run, or a new one; resolves to what the run returns. */
  tick(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  /** True once `stop` was called: a run that does several things in turn stops after the current one. */
  get stopping(): boolean {
    return this.stopped;
  }

  /** Stops the timer and waits for a run in progress. */
  async stop() {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }
}
