import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotificationBus } from '../../database/notification-bus';
import { NotifiedRowFeed } from '../notified-row-feed';
import { ChangeLogEntry } from './changelog-entry.entity';

export const CHANGELOG_CHANNEL = 'hush_changelog';

/**
 * Committed changelog entries as a live stream. `record` notifies inside the
 * write's transaction, so Postgres delivers only committed entries, once to
 * every replica; each replica then fans out to its own subscribers.
 */
@Injectable()
export class ChangeLogFeed extends NotifiedRowFeed<ChangeLogEntry> {
  constructor(
    bus: NotificationBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(bus, CHANGELOG_CHANNEL, 'changeLogged');
  }

  protected read(payload: string): Promise<ChangeLogEntry | null> {
    const { id } = JSON.parse(payload) as { id: string };
    return this.dataSource.getRepository(ChangeLogEntry).findOneBy({ id });
  }
}
