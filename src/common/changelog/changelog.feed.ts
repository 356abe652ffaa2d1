import { Injectable } from '@nestjs/common';
import { rowFeed } from '../notified-row-feed';
import { ChangeLogEntry } from './changelog-entry.entity';

export const CHANGELOG_CHANNEL = 'hush_changelog';

/**
 * Committed changelog entries as a live stream. `record` notifies inside the
 * write's transaction, so Postgres delivers only committed entries, once to
 * every replica; each replica then fans out to its own subscribers.
 */
@Injectable()
export class ChangeLogFeed extends rowFeed({
  channel: CHANGELOG_CHANNEL,
  topic: 'changeLogged',
  entity: ChangeLogEntry,
  row: (payload) => ({ id: (JSON.parse(payload) as { id: string }).id }),
}) {}
