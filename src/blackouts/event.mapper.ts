import type { BlackoutEvent } from './blackout.entities';
import { BlackoutEventType } from './blackouts.types';

/** A stored event as GraphQL shows it (its policies are resolved from the ids). */
export function toBlackoutEvent(e: BlackoutEvent): BlackoutEventType {
  const { id, status, previousStatus, message, host, objectId, identifier, serviceId, attributes, receivedAt, blackedOutById, severity } =
    e;
  return Object.assign(new BlackoutEventType(), {
    id,
    status,
    previousStatus,
    class: e.class,
    severity,
    message,
    host,
    objectId,
    identifier,
    serviceId,
    attributes,
    receivedAt,
    blackedOutById,
    releasedAt: e.releasedAt,
    releasedFromId: e.releasedFromId,
  });
}
