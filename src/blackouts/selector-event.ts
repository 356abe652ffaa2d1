import type { SelectorEvent } from './selector';

/** The fields a selector sees, from a stored or incoming event. */
export function toSelectorEvent(e: {
  class?: string | null;
  severity?: string | null;
  message?: string | null;
  host?: string | null;
  objectId?: string | null;
  identifier?: string | null;
  serviceId?: string | null;
  attributes?: Record<string, unknown> | null;
}): SelectorEvent {
  return {
    class: e.class ?? null,
    severity: e.severity ?? null,
    message: e.message ?? null,
    host: e.host ?? null,
    objectId: e.objectId ?? null,
    identifier: e.identifier ?? null,
    serviceId: e.serviceId ?? null,
    attributes: e.attributes ?? null,
  };
}
