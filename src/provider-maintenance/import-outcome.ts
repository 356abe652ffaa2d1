import { namedValues, type NameOf } from '../common/named-values';
/** What one maintenance of an imported notice became. */
export const ImportOutcome = namedValues('CREATED', 'UPDATED', 'UNCHANGED', 'IGNORED_OLDER');
export type ImportOutcome = NameOf<typeof ImportOutcome>;
