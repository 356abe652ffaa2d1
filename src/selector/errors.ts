import { OPERATORS } from './types';

/** A selector that cannot be parsed or compiled, with where and what would have been accepted. */
export class SelectorSyntaxError extends Error {
  override readonly name = 'SelectorSyntaxError';

  constructor(
    message: string,
    /** 0-based offset in the selector text (UTF-16 code units, like `String.prototype.slice`). */
    readonly position: number,
    /** What would have been accepted there, in words: "a field name", "an operator", "')'". */
    readonly expected: string[],
  ) {
    super(message);
  }
}

const OPERATOR_LIST = OPERATORS.join(', ');

/** "a, b or c", spelling out the operators so the message alone tells the user what to type. */
function describeExpected(expected: string[]): string {
  const words = expected.map((e) => (e === 'an operator' ? `an operator (${OPERATOR_LIST})` : e));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}

/** `Expected … at position N, found …`: the shape of every "wrong token here" error. */
export function unexpected(expected: string[], position: number, found: string): SelectorSyntaxError {
  return new SelectorSyntaxError(`Expected ${describeExpected(expected)} at position ${position}, found ${found}`, position, expected);
}
