import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotifiedRowFeed } from '../common/notified-row-feed';
import { NotificationBus } from '../database/notification-bus';
import { RedundancyRiskChangeRow } from './redundancy-risk.entities';
import { RISK_CHANNEL } from './risk-watch.service';

/** Announced risk changes, from whichever replica announced them, as a live stream for this replica's subscribers. */
@Injectable()
export class RiskChangeFeed extends NotifiedRowFeed<RedundancyRiskChangeRow> {
  constructor(
    bus: NotificationBus,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super(bus, RISK_CHANNEL, 'redundancyRiskChange');
  }

  protected read(seq: string): Promise<RedundancyRiskChangeRow | null> {
    return this.dataSource.getRepository(RedundancyRiskChangeRow).findOneBy({ seq });
  }
}
