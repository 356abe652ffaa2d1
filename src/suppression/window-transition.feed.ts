import { Injectable } from '@nestjs/common';
import { rowFeed } from '../common/notified-row-feed';
import { WindowTransitionRow } from './window-transition.entity';
import { TRANSITION_CHANNEL } from './window-transition.worker';

/** The key a transition is announced by: the occurrence, the kind and the round. */
interface TransitionKey {
  source: string;
  id: string;
  start: string;
  kind: string;
  round: number;
}

/** Claimed transitions, from whichever replica claimed them, as a live stream for this replica's subscribers. */
@Injectable()
export class WindowTransitionFeed extends rowFeed({
  channel: TRANSITION_CHANNEL,
  topic: 'windowTransition',
  entity: WindowTransitionRow,
  row: (payload) => {
    const key = JSON.parse(payload) as TransitionKey;
    return { source: key.source, sourceId: key.id, occurrenceStart: new Date(key.start), kind: key.kind, round: key.round };
  },
}) {}
