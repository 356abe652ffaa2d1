import { InvalidTransitionError } from '../invalid-transition-error';

/** The InvalidTransitionError `run` throws; fails the test when it throws nothing or something else. */
export function refusal(run: () => unknown): InvalidTransitionError {
  try {
    run();
  } catch (error) {
    if (error instanceof InvalidTransitionError) return error;
    throw error;
  }
  throw new Error('expected an InvalidTransitionError');
}
