import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { PeriodicWorker } from '../common/periodic-worker';
import { SuppressionPort } from '../common/suppression/suppression.port';
import { HushConfig } from '../config/config';
import { HeldAlertsService } from './held-alerts.service';

/**
 * Releases held alerts as their maintenance ends: on a timer, and once at
 * start (after the suppression engine has loaded), so an end that fell while
 * no replica ran is released on the next start.
 */
@Injectable()
export class HeldAlertReleaseWorker extends PeriodicWorker implements OnApplicationBootstrap {
  constructor(
    private readonly heldAlerts: HeldAlertsService,
    private readonly suppression: SuppressionPort,
    @Inject(HushConfig) config: HushConfig,
  ) {
    super('HeldAlertReleaseWorker', config.HUSH_RELEASE_TICK_MS);
  }

  async onApplicationBootstrap() {
    await this.tick();
    this.startTimer();
  }

  /** Releases what is due now; returns how many this replica released. */
  protected async run(): Promise<number> {
    await this.suppression.loaded();
    return this.heldAlerts.releaseDue();
  }
}
