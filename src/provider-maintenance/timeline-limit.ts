import { Args, Int } from '@nestjs/graphql';

/** The `limit` argument of a maintenance's or an outage's timeline. */
export const timelineLimitArg = () => Args('limit', { type: () => Int, defaultValue: 20, description: '1 to 200.' });

/** Out-of-range limits are brought into 1..200 rather than refused: a timeline is a view, not a contract. */
export const clampTimelineLimit = (limit: number) => Math.min(Math.max(limit, 1), 200);
