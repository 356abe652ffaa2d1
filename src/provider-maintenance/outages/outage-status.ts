import { namedValues, type NameOf } from '../../common/named-values';
/** Where the provider is with an unplanned outage, first report to repair. */
export const OutageStatus = namedValues('REPORTED', 'INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED');
export type OutageStatus = NameOf<typeof OutageStatus>;
