import { compileSelector, parseSelector, SelectorSyntaxError, validateSelector } from '..';
import { thrownBy } from '../../common/__tests__/thrown-by';

const OPERATOR_LIST = 'equals, not equals, contains, not contains, starts with, ends with, matches, within, greater than, less than';

// What the parser asks for where a comparison or group must start, where a value must stand, and after a whole comparison.
const A_COMPARISON = ['a field name', 'NOT', "'('"];
const A_VALUE = ['a quoted value', 'a number'];
const AND_OR_END = ['AND', 'OR', 'the end'];

/** The SelectorSyntaxError `run` throws; fails the test when it throws nothing or something else. */
const syntaxError = (run: () => unknown): SelectorSyntaxError => thrownBy(SelectorSyntaxError, run);

describe('selector syntax errors', () => {
  it.each<[string, string, number, string[], string]>([
    ['an empty selector', '', 0, A_COMPARISON, 'Empty selector: expected a field name at position 0'],
    ['a blank selector', '  \n ', 0, A_COMPARISON, 'Empty selector: expected a field name at position 0'],
    [
      'a misspelt operator',
      "severity eqals 'x'",
      9,
      ['an operator'],
      `Expected an operator (${OPERATOR_LIST}) at position 9, found 'eqals'`,
    ],
    [
      'a symbol instead of an operator',
      "severity == 'x'",
      9,
      ['an operator'],
      `Expected an operator (${OPERATOR_LIST}) at position 9, found '=='`,
    ],
    ['a missing operator', 'severity', 8, ['an operator'], `Expected an operator (${OPERATOR_LIST}) at position 8, found the end`],
    [
      'an incomplete negative operator',
      "a not equal 'x'",
      6,
      ["'equals'", "'contains'"],
      "Expected 'equals' or 'contains' at position 6, found 'equal'",
    ],
    ['a missing "with"', "a starts 'x'", 9, ["'with'"], "Expected 'with' at position 9, found a quoted value"],
    ['a missing "than"', 'a greater 5', 10, ["'than'"], "Expected 'than' at position 10, found the number 5"],
    ['an unterminated quote', "msg equals 'abc", 11, ['a closing quote'], 'Unterminated quoted value starting at position 11'],
    [
      'a quote closed only by an escape',
      "msg equals 'abc\\'",
      11,
      ['a closing quote'],
      'Unterminated quoted value starting at position 11',
    ],
    ['a missing value', 'msg equals', 10, A_VALUE, 'Expected a quoted value or a number at position 10, found the end'],
    ['an unquoted word as value', 'msg equals abc', 11, A_VALUE, "Expected a quoted value or a number at position 11, found 'abc'"],
    ['a list after a scalar operator', "msg equals ['a']", 11, A_VALUE, "Expected a quoted value or a number at position 11, found '['"],
    [
      'a bare number after within',
      'x within 5',
      9,
      ['a quoted value', 'a list'],
      'Expected a quoted value or a list at position 9, found the number 5',
    ],
    ['a list without commas', "x within ['a' 'b']", 14, ["','", "']'"], "Expected ',' or ']' at position 14, found a quoted value"],
    ['an unclosed list', "x within ['a'", 13, ["','", "']'"], "Expected ',' or ']' at position 13, found the end"],
    ['an empty item in a list', "x within ['a',,'b']", 14, A_VALUE, "Expected a quoted value or a number at position 14, found ','"],
    ['a trailing comma in a list', "x within ['a',]", 14, A_VALUE, "Expected a quoted value or a number at position 14, found ']'"],
    ['a word in a list', 'x within [a]', 10, [...A_VALUE, "']'"], "Expected a quoted value, a number or ']' at position 10, found 'a'"],
    ['a decimal without digits after the point', 'x equals 1.', 10, AND_OR_END, "Expected AND, OR or the end at position 10, found '.'"],
    ['a missing AND/OR', "a equals '1' b equals '2'", 13, AND_OR_END, "Expected AND, OR or the end at position 13, found 'b'"],
    ['a stray closing parenthesis', "a equals '1')", 12, AND_OR_END, "Expected AND, OR or the end at position 12, found ')'"],
    ['NOT after a comparison', "a equals '1' NOT b equals '2'", 13, AND_OR_END, "Expected AND, OR or the end at position 13, found 'NOT'"],
    ['an unclosed group', "(a equals '1' OR b equals '2'", 29, ["')'"], "Expected ')' at position 29, found the end"],
    [
      'a missing AND/OR in a group',
      "(a equals '1' b equals '2')",
      14,
      ['AND', 'OR', "')'"],
      "Expected AND, OR or ')' at position 14, found 'b'",
    ],
    ['a dangling AND', "a equals '1' AND", 16, A_COMPARISON, "Expected a field name, NOT or '(' at position 16, found the end"],
    [
      'a dangling OR before a parenthesis',
      "a equals '1' OR )",
      16,
      A_COMPARISON,
      "Expected a field name, NOT or '(' at position 16, found ')'",
    ],
    ['a keyword as field', "OR a equals '1'", 0, A_COMPARISON, "Expected a field name, NOT or '(' at position 0, found 'OR'"],
    ['a value as field', "'a' equals '1'", 0, A_COMPARISON, "Expected a field name, NOT or '(' at position 0, found a quoted value"],
    ['an empty group', '()', 1, A_COMPARISON, "Expected a field name, NOT or '(' at position 1, found ')'"],
    ['NOT NOT', "NOT NOT a equals '1'", 4, ['a field name', "'('"], "Expected a field name or '(' at position 4, found 'NOT'"],
    ['NOT at the end', 'NOT', 3, ['a field name', "'('"], "Expected a field name or '(' at position 3, found the end"],
    [
      'an empty attribute key',
      "attributes. equals 'x'",
      11,
      ['an attribute key'],
      "Expected an attribute key after 'attributes.' at position 11",
    ],
  ])('reports %s', (_name, text, position, expected, message) => {
    const error = syntaxError(() => parseSelector(text));
    expect({ message: error.message, position: error.position, expected: error.expected }).toEqual({ message, position, expected });
    expect(error.name).toBe('SelectorSyntaxError');
  });

  it('reports the first problem in the text, not a later unterminated quote', () => {
    expect(syntaxError(() => parseSelector("a eqals 'x AND b"))).toMatchObject({ position: 2 });
  });

  describe('invalid regular expressions', () => {
    it('are accepted by the parser and rejected when compiled, at the position of the value', () => {
      expect(() => parseSelector("host matches '(db'")).not.toThrow();
      const error = syntaxError(() => compileSelector("host matches '(db'"));
      expect(error.position).toBe(13);
      expect(error.expected).toEqual(['a valid regular expression']);
      expect(error.message).toMatch(/^Invalid regular expression at position 13: \/\(db\/: /);
    });

    it('are found inside groups and after NOT', () => {
      expect(syntaxError(() => compileSelector("a equals '1' OR NOT (b matches '[')")).position).toBe(31);
    });
  });
});

describe('validateSelector', () => {
  it('accepts a valid selector', () => {
    expect(validateSelector("severity within ['CRITICAL', 'MAJOR'] AND NOT host starts with 'lab-'")).toEqual({
      valid: true,
      warnings: [],
    });
  });

  it('warns about a field no event has carried, naming the known ones', () => {
    const result = validateSelector("hots equals 'db-1' AND region equals 'eu'", new Set(['region']));
    expect(result).toEqual({
      valid: true,
      warnings: [
        "no event has carried a field 'hots'; the fields events have: class, severity, message, host, object, _identifier, service, region",
      ],
    });
  });

  it('returns the message and position of a syntax error', () => {
    expect(validateSelector("severity eqals 'x'")).toEqual({
      valid: false,
      error: { message: `Expected an operator (${OPERATOR_LIST}) at position 9, found 'eqals'`, position: 9 },
      warnings: [],
    });
  });

  it('reports an invalid regular expression too', () => {
    expect(validateSelector("msg matches '*'")).toMatchObject({ valid: false, error: { position: 12 } });
  });
});
