import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import type { NotificationBus } from '../database/notification-bus';

/** A PubSub that tells whether anyone is subscribed to a topic. */
class Topics<Row> extends PubSub<Record<string, Row>> {
  subscribed(topic: string): boolean {
    return this.ee.listenerCount(topic) > 0;
  }
}

/**
 * Rows that some replica wrote and announced with a NOTIFY on `channel`, read
 * back and streamed to this replica's subscribers. Each waits for the one
 * before, so subscribers see them in the order they were announced. While
 * this replica has no subscriber, nothing is read back: every write notifies
 * every replica, and most have nobody listening.
 */
export abstract class NotifiedRowFeed<Row> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger: Logger;
  /** Read by the tests' listener count (test/support/ws.ts). */
  protected readonly pubsub = new Topics<Row>();
  private unlisten?: () => void;
  private publishing: Promise<void> = Promise.resolve();

  protected constructor(
    private readonly bus: NotificationBus,
    private readonly channel: string,
    private readonly topic: string,
  ) {
    this.logger = new Logger(new.target.name);
  }

  /** The row a NOTIFY payload names, or null when it is gone. */
  protected abstract read(payload: string): Promise<Row | null>;

  async onApplicationBootstrap() {
    this.unlisten = await this.bus.listen(this.channel, (payload) => {
      if (!this.pubsub.subscribed(this.topic)) return;
      this.publishing = this.publishing
        .then(async () => {
          const row = await this.read(payload);
          if (row) await this.pubsub.publish(this.topic, row);
        })
        // A read that fails (the database going away, say while shutting down) loses that one row, never the process.
        .catch((error: unknown) => this.logger.warn(`publishing from ${this.channel} failed: ${String(error)}`));
    });
  }

  onApplicationShutdown() {
    this.unlisten?.();
  }

  stream(): AsyncIterableIterator<Row> {
    return this.pubsub.asyncIterableIterator(this.topic);
  }
}
