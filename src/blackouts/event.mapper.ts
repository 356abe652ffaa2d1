import { shownAs } from '../common/graphql/shown-as';
import type { BlackoutEvent } from './blackout.entities';
import { BlackoutEventType } from './blackouts.types';

/** A stored event as GraphQL shows it (its policies are resolved from the ids). */
export function toBlackoutEvent(e: BlackoutEvent): BlackoutEventType {
  return shownAs(BlackoutEventType, e, [
    'id',
    'status',
    'previousStatus',
    'class',
    'severity',
    'message',
    'host',
    'objectId',
    'identifier',
    'serviceId',
    'attributes',
    'receivedAt',
    'blackedOutById',
    'releasedAt',
    'releasedFromId',
  ]);
}
