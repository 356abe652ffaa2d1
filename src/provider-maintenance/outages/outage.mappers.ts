import type { Outage } from '../entities/outage.entity';
import { OutageType } from './outage.types';

/** An outage as GraphQL shows it. */
export function toOutage(o: Outage): OutageType {
  return Object.assign(new OutageType(), {
    id: o.id,
    name: o.name,
    summary: o.summary,
    status: o.status,
    startsAt: o.startsAt,
    estimatedTimeToRepair: o.estimatedTimeToRepair,
    endsAt: o.endsAt,
    acknowledged: o.acknowledged,
    internalTicket: o.internalTicket,
    comments: o.comments,
    createdAt: o.createdAt,
    updatedAt: o.updatedAt,
    providerId: o.providerId,
  });
}
