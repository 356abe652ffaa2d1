import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../database/notification-bus';
import { RedundancyRiskChangeRow } from './redundancy.entities';
import { RISK_CHANNEL } from './risk-watch.service';

const TOPIC = 'redundancyRiskChange';

/** Announced risk changes, from whichever replica announced them, as a live stream for this replica's subscribers. */
@Injectable()
export class RiskChangeFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RiskChangeFeed');
  private readonly pubsub = new PubSub<{ [TOPIC]: RedundancyRiskChangeRow }>();
  private unlisten?: () => void;
  /** Each waits for the one before, so subscribers see changes in the order they were announced. */
  private publishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: NotificationBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap() {
    this.unlisten = await this.bus.listen(RISK_CHANNEL, (seq) => {
      this.publishing = this.publishing
        .then(async () => {
          const row = await this.dataSource.getRepository(RedundancyRiskChangeRow).findOneBy({ seq });
          if (row) await this.pubsub.publish(TOPIC, row);
        })
        .catch((error: unknown) => this.logger.error(`publishing a risk change failed: ${String(error)}`));
    });
  }

  onApplicationShutdown() {
    this.unlisten?.();
  }

  changes(): AsyncIterableIterator<RedundancyRiskChangeRow> {
    return this.pubsub.asyncIterableIterator(TOPIC);
  }
}
