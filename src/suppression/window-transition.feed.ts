import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotifiedRowFeed } from '../common/notified-row-feed';
import { NotificationBus } from '../database/notification-bus';
import { WindowTransitionRow } from './window-transition.entity';
import { TRANSITION_CHANNEL } from './window-transition.worker';

/** Claimed transitions, from whichever replica claimed them, as a live stream for this replica's subscribers. */
@Injectable()
export class WindowTransitionFeed extends NotifiedRowFeed<WindowTransitionRow> {
  constructor(
    bus: NotificationBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(bus, TRANSITION_CHANNEL, 'windowTransition');
  }

  protected read(payload: string): Promise<WindowTransitionRow | null> {
    const key = JSON.parse(payload) as { source: string; id: string; start: string; kind: string; round: number };
    return this.dataSource
      .getRepository(WindowTransitionRow)
      .findOneBy({ source: key.source, sourceId: key.id, occurrenceStart: new Date(key.start), kind: key.kind, round: key.round });
  }
}
