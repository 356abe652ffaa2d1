import { namedValues, type NameOf } from '../common/named-values';
/** Where a policy stands now: its schedule and whether it is enabled. */
export const PolicyStatus = namedValues('SCHEDULED', 'ACTIVE', 'EXPIRED', 'DISABLED');
export type PolicyStatus = NameOf<typeof PolicyStatus>;
