import { namedValues, type NameOf } from '../common/named-values';
/** What deleting a maintenance window did: removed one not yet started, or ended an ongoing one now. */
export const DeletionOutcome = namedValues('DELETED', 'ENDED');
export type DeletionOutcome = NameOf<typeof DeletionOutcome>;
