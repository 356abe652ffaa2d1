import { thrownBy } from '../../../common/__tests__/thrown-by';
import { InvalidTransitionError } from '../invalid-transition-error';

/** The InvalidTransitionError `run` throws; fails the test when it throws nothing or something else. */
export const refusal = (run: () => unknown): InvalidTransitionError => thrownBy(InvalidTransitionError, run);
