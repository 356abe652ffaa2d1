import { parseSelector, type Operator } from '..';
import { and, attr, cmp, not, or, shape } from './ast-helpers';

const parsed = (text: string) => shape(parseSelector(text));

describe('parseSelector', () => {
  describe('operators', () => {
    it.each<[string, Operator]>([
      ['equals', 'equals'],
      ['not equals', 'not equals'],
      ['contains', 'contains'],
      ['not contains', 'not contains'],
      ['starts with', 'starts with'],
      ['ends with', 'ends with'],
      ['matches', 'matches'],
      ['greater than', 'greater than'],
      ['less than', 'less than'],
      ['EQUALS', 'equals'],
      ['Not   Equals', 'not equals'],
      ['STARTS\nWITH', 'starts with'],
      ['Greater\tThan', 'greater than'],
    ])('reads %j as %s, in any case and spacing', (written, op) => {
      expect(parsed(`host ${written} 'x'`)).toEqual(cmp({ kind: 'field', name: 'host' }, op, 'x'));
    });
  });

  describe('fields', () => {
    it.each([
      ['class', 'class'],
      ['severity', 'severity'],
      ['msg', 'message'],
      ['message', 'message'],
      ['MSG', 'message'],
      ['Host', 'host'],
      ['object', 'object'],
      ['_identifier', '_identifier'],
      ['_IDENTIFIER', '_identifier'],
      ['service', 'service'],
    ])('reads known field %s case-insensitively as %s', (written, name) => {
      expect(parseSelector(`${written} equals 'x'`)).toMatchObject({ field: { kind: 'field', name } });
    });

    it('reads any other bare identifier as an attribute key, exactly as written', () => {
      expect(parseSelector("Region equals 'eu'")).toMatchObject({ field: attr('Region') });
      expect(parseSelector("app.kubernetes.io/name equals 'api'")).toMatchObject({ field: attr('app.kubernetes.io/name') });
      expect(parseSelector("team-name:x equals 'a'")).toMatchObject({ field: attr('team-name:x') });
    });

    it('reads attributes.<key> as the attribute, so keys that look like fields or keywords stay reachable', () => {
      expect(parseSelector("attributes.severity equals 'x'")).toMatchObject({ field: attr('severity') });
      expect(parseSelector("ATTRIBUTES.Severity equals 'x'")).toMatchObject({ field: attr('Severity') });
      expect(parseSelector("attributes.not equals 'x'")).toMatchObject({ field: attr('not') });
      expect(parseSelector("attributes.1st equals 'x'")).toMatchObject({ field: attr('1st') });
      expect(parseSelector("attributes.attributes.x equals 'x'")).toMatchObject({ field: attr('attributes.x') });
    });

    it('reads bare `attributes` as the attribute of that name', () => {
      expect(parseSelector("attributes equals 'x'")).toMatchObject({ field: attr('attributes') });
    });

    it('lets operator words be attribute names, since the position decides', () => {
      expect(parsed("equals equals 'x'")).toEqual(cmp('equals', 'equals', 'x'));
      expect(parsed("within within 'a,b'")).toEqual(cmp('within', 'within', 'a,b'));
    });
  });

  describe('values', () => {
    it("unescapes \\' and \\\\ in quoted values", () => {
      expect(parseSelector("msg equals 'it\\'s'")).toMatchObject({ value: "it's" });
      expect(parseSelector("msg equals 'C:\\\\temp'")).toMatchObject({ value: 'C:\\temp' });
      expect(parseSelector("msg equals '\\\\\\''")).toMatchObject({ value: "\\'" });
    });

    it('keeps any other backslash as written, so regular expressions need no doubling', () => {
      expect(parseSelector("host matches '^db-\\d+$'")).toMatchObject({ value: '^db-\\d+$' });
    });

    it('keeps whitespace, keywords and newlines inside quotes', () => {
      expect(parseSelector("msg equals '  a AND b\n'")).toMatchObject({ value: '  a AND b\n' });
      expect(parseSelector("msg equals ''")).toMatchObject({ value: '' });
    });

    it('reads bare integers and decimals, optionally negative, as numbers', () => {
      expect(parseSelector('x greater than 10')).toMatchObject({ value: 10 });
      expect(parseSelector('x less than -2.5')).toMatchObject({ value: -2.5 });
      expect(parseSelector('x equals 007')).toMatchObject({ value: 7 });
      expect(parseSelector('x equals 10000000000000000000000000')).toMatchObject({ value: 1e25 });
    });

    it('reads -0 as 0', () => {
      expect(Object.is((parseSelector('x equals -0') as { value: number }).value, 0)).toBe(true);
    });

    it('keeps a quoted number a string', () => {
      expect(parseSelector("x equals '10'")).toMatchObject({ value: '10' });
    });

    it('keeps the quoted form of `within` as one string, to be split when compiled', () => {
      expect(parsed("_identifier within '123, 456'")).toEqual(cmp({ kind: 'field', name: '_identifier' }, 'within', '123, 456'));
    });

    it('reads the list form of `within` with quoted and numeric items', () => {
      expect(parsed("severity within ['CRITICAL', 'MAJOR']")).toEqual(
        cmp({ kind: 'field', name: 'severity' }, 'within', ['CRITICAL', 'MAJOR']),
      );
      expect(parsed("code within [1, -2.5,'x' ]")).toEqual(cmp('code', 'within', [1, -2.5, 'x']));
      expect(parsed('code within []')).toEqual(cmp('code', 'within', []));
    });
  });

  describe('precedence and grouping', () => {
    const a = cmp('a', 'equals', '1');
    const b = cmp('b', 'equals', '2');
    const c = cmp('c', 'equals', '3');

    it('binds NOT tighter than AND, and AND tighter than OR', () => {
      expect(parsed("a equals '1' OR b equals '2' AND NOT c equals '3'")).toEqual(or(a, and(b, not(c))));
      expect(parsed("NOT a equals '1' AND b equals '2' OR c equals '3'")).toEqual(or(and(not(a), b), c));
    });

    it('associates AND and OR to the left', () => {
      expect(parsed("a equals '1' AND b equals '2' AND c equals '3'")).toEqual(and(and(a, b), c));
      expect(parsed("a equals '1' or b equals '2' or c equals '3'")).toEqual(or(or(a, b), c));
    });

    it('lets parentheses override precedence, and NOT apply to a group', () => {
      expect(parsed("(a equals '1' OR b equals '2') AND c equals '3'")).toEqual(and(or(a, b), c));
      expect(parsed("not (a equals '1' or b equals '2')")).toEqual(not(or(a, b)));
      expect(parsed("NOT (NOT a equals '1')")).toEqual(not(not(a)));
    });

    it('adds no node for redundant parentheses', () => {
      expect(parsed("((a equals '1'))")).toEqual(a);
    });

    it('needs no spaces around parentheses, brackets and quotes', () => {
      expect(parsed("(a equals'1')AND(b equals'2')")).toEqual(and(a, b));
    });
  });

  it('records the offset of each comparison and its value', () => {
    const ast = parseSelector("  host equals 'a' AND  msg matches 'b'");
    expect(ast).toMatchObject({
      left: { position: 2, valuePosition: 14 },
      right: { position: 23, valuePosition: 35 },
    });
  });
});
