import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PeriodicJob } from '../common/periodic-job';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { HushConfig } from '../config/config';
import { HeldAlertsService } from './held-alerts.service';

/**
 * Releases held alerts as their maintenance ends: on a timer, and once at
 * start (after the suppression engine has loaded), so an end that fell while
 * no replica ran is released on the next start.
 */
@Injectable()
export class HeldAlertReleaseWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly job = new PeriodicJob('HeldAlertReleaseWorker', () => this.run());

  constructor(
    private readonly heldAlerts: HeldAlertsService,
    private readonly suppression: SuppressionPort,
    @Inject(HushConfig) private readonly config: HushConfig,
  ) {}

  async onApplicationBootstrap() {
    await this.tick();
    this.job.start(this.config.HUSH_RELEASE_TICK_MS);
  }

  onApplicationShutdown() {
    return this.job.stop();
  }

  /** Releases what is due now; returns how many this replica released. */
  tick(): Promise<number> {
    return this.job.tick();
  }

  private async run(): Promise<number> {
    await this.suppression.loaded();
    return this.heldAlerts.releaseDue();
  }
}
