import { namedValues, type NameOf } from '../common/named-values';
/** Where a maintenance period stands now, from its schedule. */
export const PeriodStatus = namedValues('SCHEDULED', 'ACTIVE', 'EXPIRED');
export type PeriodStatus = NameOf<typeof PeriodStatus>;
