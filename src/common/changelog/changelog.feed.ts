import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { PubSub } from 'graphql-subscriptions';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../../database/notification-bus';
import { ChangeLogEntry } from './changelog-entry.entity';

export const CHANGELOG_CHANNEL = 'hush_changelog';
const TOPIC = 'changeLogged';

/**
 * Committed changelog entries as a live stream. `record` notifies inside the
 * write's transaction, so Postgres delivers only committed entries, once to
 * every replica; each replica then fans out to its own subscribers.
 */
@Injectable()
export class ChangeLogFeed implements OnApplicationBootstrap {
  private readonly logger = new Logger('ChangeLogFeed');
  private readonly pubsub = new PubSub<{ [TOPIC]: ChangeLogEntry }>();

  constructor(
    private readonly bus: NotificationBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap() {
    // A lookup that fails (the database going away, say while shutting down) loses that one entry, never the process.
    await this.bus.listen(CHANGELOG_CHANNEL, (payload) => {
      this.publish(payload).catch((error: unknown) => this.logger.warn(`publishing a change failed: ${String(error)}`));
    });
  }

  private async publish(payload: string) {
    const { id } = JSON.parse(payload) as { id: string };
    const entry = await this.dataSource.getRepository(ChangeLogEntry).findOneBy({ id });
    if (entry) await this.pubsub.publish(TOPIC, entry);
  }

  entries(): AsyncIterableIterator<ChangeLogEntry> {
    return this.pubsub.asyncIterableIterator(TOPIC);
  }
}
