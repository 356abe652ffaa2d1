import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadUserInputError, type FieldProblem } from '../../../common/errors/domain-error';
import type { BcopNotification } from '../parse-notification';

const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

/** Our own notices, written for the cases the real samples do not cover. */
export const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'bcop', name), 'utf8');

/** Real provider notices, kept beside the repository (in CI too, but not on every machine). */
export const SAMPLES_DIR = join(REPO_ROOT, '..', 'shared', 'reference', 'bcop-samples');
export const samplesPresent = existsSync(SAMPLES_DIR);
export const sample = (name: string) => readFileSync(join(SAMPLES_DIR, name), 'utf8');

/** A notice with its instants as ISO text, so expectations can be written out literally. */
export function plain(notice: BcopNotification) {
  return { ...notice, stamp: notice.stamp?.toISOString() ?? null, start: notice.start.toISOString(), end: notice.end.toISOString() };
}

/** The problems a parse refuses with; fails the test if it does not refuse. */
export function problemsOf(run: () => unknown): FieldProblem[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadUserInputError) {
      expect(error.code).toBe('BAD_USER_INPUT');
      return error.fields;
    }
    throw error;
  }
  throw new Error('expected a BadUserInputError');
}
