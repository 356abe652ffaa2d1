import type { FieldProblem } from './errors/domain-error';

const DAY_MS = 86_400_000;

/**
 * A window longer than `maxDays` (HUSH_MAX_WINDOW_DAYS) as a problem at
 * `input.endsAt`: one that long is almost always a typo in a year, and it would
 * silence its targets for that long.
 */
export function windowLengthProblems(startsAt: Date, endsAt: Date, maxDays: number): FieldProblem[] {
  return endsAt.getTime() - startsAt.getTime() > maxDays * DAY_MS
    ? [{ path: 'input.endsAt', message: `must be at most ${maxDays} days after startsAt (HUSH_MAX_WINDOW_DAYS)` }]
    : [];
}
