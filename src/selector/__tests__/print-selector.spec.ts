import { parseSelector, printSelector } from '..';
import { attr, cmp, not, shape, withPositions } from './ast-helpers';

const canonical = (text: string) => printSelector(parseSelector(text));

const node = withPositions;

describe('printSelector', () => {
  it('writes upper-case keywords, lower-case operators and single spaces', () => {
    expect(canonical("  SEVERITY   Not  Equals 'x'  and not MSG starts WITH 'y'")).toBe(
      "severity not equals 'x' AND NOT message starts with 'y'",
    );
  });

  it('drops parentheses that precedence makes redundant', () => {
    expect(canonical("(a equals '1') OR ((b equals '2') AND (NOT (c equals '3')))")).toBe(
      "a equals '1' OR b equals '2' AND NOT c equals '3'",
    );
  });

  it('keeps parentheses that precedence or left-association needs', () => {
    expect(canonical("(a equals '1' OR b equals '2') AND c equals '3'")).toBe("(a equals '1' OR b equals '2') AND c equals '3'");
    expect(canonical("a equals '1' AND (b equals '2' AND c equals '3')")).toBe("a equals '1' AND (b equals '2' AND c equals '3')");
    expect(canonical("a equals '1' OR (b equals '2' OR c equals '3')")).toBe("a equals '1' OR (b equals '2' OR c equals '3')");
    expect(canonical("NOT (a equals '1' AND b equals '2')")).toBe("NOT (a equals '1' AND b equals '2')");
  });

  it('parenthesises NOT under NOT, which the grammar does not allow bare', () => {
    const twice = node(not(not(cmp('a', 'equals', '1'))));
    expect(printSelector(twice)).toBe("NOT (NOT a equals '1')");
  });

  it('escapes quotes and backslashes', () => {
    expect(printSelector(node(cmp('m', 'equals', "it's C:\\")))).toBe("m equals 'it\\'s C:\\\\'");
    expect(canonical("host matches '^db-\\d+$'")).toBe("host matches '^db-\\\\d+$'");
  });

  it('writes both forms of within as given', () => {
    expect(canonical("_identifier within '123,456'")).toBe("_identifier within '123,456'");
    expect(canonical("severity within ['CRITICAL','MAJOR' , 3]")).toBe("severity within ['CRITICAL', 'MAJOR', 3]");
    expect(canonical('x within [ ]')).toBe('x within []');
  });

  it('writes numbers without exponents', () => {
    expect(printSelector(node(cmp('x', 'greater than', 1e25)))).toBe('x greater than 10000000000000000000000000');
    expect(printSelector(node(cmp('x', 'less than', -1.5e-7)))).toBe('x less than -0.00000015');
  });

  it('writes attribute keys bare when unambiguous, else with attributes.', () => {
    expect(printSelector(node(cmp(attr('region'), 'equals', 'x')))).toBe("region equals 'x'");
    expect(printSelector(node(cmp(attr('attributes'), 'equals', 'x')))).toBe("attributes equals 'x'");
    for (const key of ['severity', 'MSG', 'not', 'AND', '1st', '-x', 'attributes.x', 'Attributes.y']) {
      const text = printSelector(node(cmp(attr(key), 'equals', 'x')));
      expect(text).toBe(`attributes.${key} equals 'x'`);
      expect(shape(parseSelector(text))).toEqual(cmp(attr(key), 'equals', 'x'));
    }
  });

  it('refuses an attribute key the grammar cannot spell', () => {
    expect(() => printSelector(node(cmp(attr('has space'), 'equals', 'x')))).toThrow(RangeError);
    expect(() => printSelector(node(cmp(attr(''), 'equals', 'x')))).toThrow(RangeError);
  });

  it('refuses a number the grammar cannot spell', () => {
    expect(() => printSelector(node(cmp('x', 'equals', Number.NaN)))).toThrow(RangeError);
    expect(() => printSelector(node(cmp('x', 'equals', Number.POSITIVE_INFINITY)))).toThrow(RangeError);
  });
});
