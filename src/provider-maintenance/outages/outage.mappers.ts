import { shownAs } from '../../common/graphql/shown-as';
import type { Outage } from '../entities/outage.entity';
import { OutageType } from './outage.types';

/** An outage as GraphQL shows it. */
export function toOutage(o: Outage): OutageType {
  return shownAs(OutageType, o, [
    'id',
    'name',
    'summary',
    'status',
    'startsAt',
    'estimatedTimeToRepair',
    'endsAt',
    'acknowledged',
    'internalTicket',
    'comments',
    'createdAt',
    'updatedAt',
    'providerId',
  ]);
}
