import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { thrownBy } from '../../../common/__tests__/thrown-by';
import { BadUserInputError, type FieldProblem } from '../../../common/errors/domain-error';
import type { BcopNotification } from '../parse-notification';

/** Our own notices, written the way providers send them (test/fixtures/bcop, in the repository: no test depends on files beside it). */
export const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'bcop');

export const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A notice with its instants as ISO text, so expectations can be written out literally. */
export function plain(notice: BcopNotification) {
  return { ...notice, stamp: notice.stamp?.toISOString() ?? null, start: notice.start.toISOString(), end: notice.end.toISOString() };
}

/**
 * The notices a fixture must parse to, as `plain` writes them: kept beside it as `<name>.expected.json`,
 * with a `note` where a value needs explaining (a time across a DST change, say).
 */
export function expectedNotices(name: string): ReturnType<typeof plain>[] {
  const expected = JSON.parse(fixture(name.replace(/\.ics$/, '.expected.json'))) as { notices: ReturnType<typeof plain>[] };
  return expected.notices;
}

/** The problems a parse refuses with; fails the test if it does not refuse. */
export function problemsOf(run: () => unknown): FieldProblem[] {
  const error = thrownBy(BadUserInputError, run);
  expect(error.code).toBe('BAD_USER_INPUT');
  return error.fields;
}
