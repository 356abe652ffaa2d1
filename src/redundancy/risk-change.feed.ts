import { Injectable } from '@nestjs/common';
import { rowFeed } from '../common/notified-row-feed';
import { RedundancyRiskChangeRow } from './redundancy-risk.entities';
import { RISK_CHANNEL } from './risk-watch.service';

/** Announced risk changes, from whichever replica announced them, as a live stream for this replica's subscribers. */
@Injectable()
export class RiskChangeFeed extends rowFeed({
  channel: RISK_CHANNEL,
  topic: 'redundancyRiskChange',
  entity: RedundancyRiskChangeRow,
  row: (seq) => ({ seq }),
}) {}
