import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../database/notification-bus';
import { WindowTransitionRow } from './window-transition.entity';
import { TRANSITION_CHANNEL } from './window-transition.worker';

const TOPIC = 'windowTransition';

/** Claimed transitions, from whichever replica claimed them, as a live stream for this replica's subscribers. */
@Injectable()
export class WindowTransitionFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WindowTransitionFeed');
  private readonly pubsub = new PubSub<{ [TOPIC]: WindowTransitionRow }>();
  private unlisten?: () => void;
  /** Publishing waits for the one before, so subscribers see transitions in the order they were notified. */
  private publishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly bus: NotificationBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap() {
    this.unlisten = await this.bus.listen(TRANSITION_CHANNEL, (payload) => {
      this.publishing = this.publishing
        .then(() => this.publish(payload))
        .catch((error: unknown) => this.logger.error(`publishing a transition failed: ${String(error)}`));
    });
  }

  onApplicationShutdown() {
    this.unlisten?.();
  }

  private async publish(payload: string): Promise<void> {
    const key = JSON.parse(payload) as { source: string; id: string; start: string; kind: string; round: number };
    const row = await this.dataSource
      .getRepository(WindowTransitionRow)
      .findOneBy({ source: key.source, sourceId: key.id, occurrenceStart: new Date(key.start), kind: key.kind, round: key.round });
    if (row) await this.pubsub.publish(TOPIC, row);
  }

  transitions(): AsyncIterableIterator<WindowTransitionRow> {
    return this.pubsub.asyncIterableIterator(TOPIC);
  }
}
