import { ApiToken } from './auth/api-token.entity';
import { ChangeLogEntry } from './changelog/changelog-entry.entity';

/** The tables of what every module shares: tokens and the change log. */
export const COMMON_ENTITIES = [ApiToken, ChangeLogEntry];
