import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { DataSource, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import { NotificationBus } from '../database/notification-bus';

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
abstract class NotifiedRowFeed<Row> implements OnApplicationBootstrap, OnApplicationShutdown {
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

/** Where a feed's rows are announced and stored, and how a NOTIFY payload names one. */
interface FeedSpec<Row> {
  channel: string;
  /** The PubSub topic its subscribers read. */
  topic: string;
  entity: EntityTarget<Row>;
  row: (payload: string) => FindOptionsWhere<Row>;
}

/** The feed class for one kind of announced row: a module declares `class …Feed extends rowFeed({…}) {}`. */
export function rowFeed<Row extends ObjectLiteral>(spec: FeedSpec<Row>) {
  @Injectable()
  class RowFeed extends NotifiedRowFeed<Row> {
    constructor(
      bus: NotificationBus,
      @InjectDataSource() private readonly dataSource: DataSource,
    ) {
      super(bus, spec.channel, spec.topic);
    }

    protected read(payload: string): Promise<Row | null> {
      return this.dataSource.getRepository(spec.entity).findOneBy(spec.row(payload));
    }
  }
  return RowFeed;
}
