import fc from 'fast-check';
import {
  compileSelector,
  parseSelector,
  printSelector,
  SelectorSyntaxError,
  type FieldRef,
  type KnownField,
  type Operator,
  type SelectorEvent,
  type SelectorValue,
} from '..';
import { hasKey, keyChoices, residual, sufficient } from '../equality-keys';
import { compileAst } from '../compiler';
import { formatNumber } from '../numbers';
import { OPERATORS } from '../types';
import { shape, withPositions, type Shape } from './ast-helpers';

const KNOWN: KnownField[] = ['class', 'severity', 'message', 'host', 'object', '_identifier', 'service'];

/** Keys that need `attributes.` when printed, next to ordinary ones. */
const KEYS = ['region', 'x', 'Severity', 'severity', 'msg', 'not', 'AND', 'attributes', 'attributes.x', 'k8s.io/name', '1st', 'a-b'];

/** Text likely to collide with event values, so comparisons are true as often as false. */
const TEXTS = ['a', 'A', 'ab', 'aB', 'b', 'B', '', ' a ', '10', '9', '9.0', '1.5', '-3', "it's", 'a,b', 'C:\\', 'db-1', 'DB-1.prod'];
const NUMBERS = [10, 9, 1.5, -3, 0, 100];

/** Patterns valid as regular expressions, with quotes and backslashes to exercise escaping. */
const PATTERNS = ['^a', 'a$', '^a$', 'b', '\\d', '^\\d+$', "'", '\\\\', 'A|b', '^db-\\d', '\\.prod$', '', '[,]', 's$'];

const tricky = fc.string({ unit: fc.constantFrom("'", '\\', ',', ' ', 'a', 'A', '1', '.', '-', '\n', 'é', '(', ']') });
const finite = fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n));

function fields(known: readonly KnownField[], keys: readonly string[]): fc.Arbitrary<FieldRef> {
  return fc.oneof(
    fc.constantFrom(...known).map((name): FieldRef => ({ kind: 'field', name })),
    fc.constantFrom(...keys).map((key): FieldRef => ({ kind: 'attribute', key })),
  );
}

/** ASTs as the parser could produce them; the arbitraries passed in decide what fields and values appear. */
function shapes(
  field: fc.Arbitrary<FieldRef>,
  scalar: fc.Arbitrary<string | number>,
  pattern: fc.Arbitrary<string | number>,
  withinText: fc.Arbitrary<string>,
) {
  const compare = fc.constantFrom(...OPERATORS).chain((op) =>
    fc.record({
      kind: fc.constant('compare' as const),
      field,
      op: fc.constant(op),
      value: op === 'within' ? fc.oneof(withinText, fc.array(scalar, { maxLength: 4 })) : op === 'matches' ? pattern : scalar,
    }),
  );
  return fc.letrec<{ ast: Shape }>((tie) => ({
    ast: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      compare,
      fc.record({ kind: fc.constant('not' as const), operand: tie('ast') }),
      fc.record({ kind: fc.constantFrom('and' as const, 'or' as const), left: tie('ast'), right: tie('ast') }),
    ),
  })).ast;
}

describe('selector properties', () => {
  it('parses the printed text of any AST back to the same AST', () => {
    const anyText = fc.oneof(fc.constantFrom(...TEXTS), tricky, fc.string());
    const asts = shapes(fields(KNOWN, KEYS), fc.oneof(anyText, finite), fc.oneof(anyText, finite), anyText);
    fc.assert(
      fc.property(asts, (ast) => {
        const text = printSelector(withPositions(ast));
        expect(shape(parseSelector(text))).toEqual(ast);
        expect(printSelector(parseSelector(text))).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('compiles to a matcher that agrees with a direct reading of the AST, and matches only events with one of its equality keys', () => {
    // Few fields and values, so comparisons hit: most events carry each field, values collide with needles.
    const known: KnownField[] = ['host', 'object', 'message'];
    const keys = ['region', 'not', 'Severity'];
    const scalar = fc.oneof(fc.constantFrom(...TEXTS), fc.constantFrom(...NUMBERS), tricky);
    const pattern = fc.oneof(fc.constantFrom(...PATTERNS), fc.constantFrom(...NUMBERS));
    const withinText = fc.array(fc.constantFrom(...TEXTS, ' 10 ', ''), { maxLength: 4 }).map((items) => items.join(','));
    const value = fc.oneof({ arbitrary: fc.constantFrom(...TEXTS), weight: 8 }, tricky, fc.constant(null), fc.constant(undefined));
    const attributeValue = fc.oneof(value, fc.constantFrom(...NUMBERS), fc.boolean());
    const event: fc.Arbitrary<SelectorEvent> = fc.record(
      {
        host: value,
        objectId: value,
        message: value,
        attributes: fc.oneof(
          {
            arbitrary: fc.record({ region: attributeValue, not: attributeValue, Severity: attributeValue }, { requiredKeys: [] }),
            weight: 8,
          },
          fc.constant(null),
        ),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        shapes(fields(known, keys), scalar, pattern, withinText),
        fc.array(event, { minLength: 1, maxLength: 20 }),
        (ast, events) => {
          const matcher = compileSelector(printSelector(withPositions(ast)));
          const choices = keyChoices(withPositions(ast));
          for (const e of events) {
            expect(matcher(e)).toBe(evaluate(ast, e));
            // The policy index files a policy under one of these key sets only: a match without a key of each would be missed.
            if (matcher(e)) for (const keys of choices) expect(keys.some((k) => hasKey(k, e))).toBe(true);
            // A key said to be sufficient is: the index skips the test for events that have it.
            for (const key of choices.flat()) if (sufficient(key, withPositions(ast)) && hasKey(key, e)) expect(matcher(e)).toBe(true);
            // What is left to test once a key is known answers as the whole selector does for events with the key.
            for (const key of choices.flat()) {
              const rest = residual(key, withPositions(ast));
              if (hasKey(key, e)) expect(rest === null || compileAst(rest)(e)).toBe(matcher(e));
            }
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('either parses any text or throws a SelectorSyntaxError pointing inside it', () => {
    const words = fc.constantFrom(
      'a',
      'host',
      'AND',
      'or',
      'NOT',
      'not',
      'equals',
      'within',
      'starts',
      'with',
      "'x'",
      "'",
      '\\',
      '(',
      ')',
      '[',
      ']',
      ',',
      '5',
      '-',
      '.',
      '==',
    );
    const texts = fc.oneof(
      fc.array(words, { maxLength: 12 }).map((parts) => parts.join(' ')),
      fc.array(words, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string(),
    );
    fc.assert(
      fc.property(texts, (text) => {
        try {
          parseSelector(text);
        } catch (error) {
          expect(error).toBeInstanceOf(SelectorSyntaxError);
          const { position, expected } = error as SelectorSyntaxError;
          expect(position).toBeGreaterThanOrEqual(0);
          expect(position).toBeLessThanOrEqual(text.length);
          expect(expected.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

/** The reference semantics, written out plainly: one comparison at a time, no precomputation. */
function evaluate(ast: Shape, event: SelectorEvent): boolean {
  switch (ast.kind) {
    case 'and':
      return evaluate(ast.left, event) && evaluate(ast.right, event);
    case 'or':
      return evaluate(ast.left, event) || evaluate(ast.right, event);
    case 'not':
      return !evaluate(ast.operand, event);
    case 'compare':
      return compare(ast.op, read(ast.field, event), ast.value);
  }
}

function read(field: FieldRef, event: SelectorEvent): string | undefined {
  let raw: unknown;
  if (field.kind === 'attribute') {
    const attributes = event.attributes ?? {};
    raw = Object.prototype.hasOwnProperty.call(attributes, field.key) ? attributes[field.key] : undefined;
  } else {
    const byField = {
      class: event.class,
      severity: event.severity,
      message: event.message,
      host: event.host,
      object: event.objectId,
      _identifier: event.identifier,
      service: event.serviceId,
    };
    raw = byField[field.name];
  }
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean') return String(raw);
  return Array.isArray(raw) ? raw.join(',') : '[object Object]';
}

function asNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : undefined;
}

// formatNumber has its own tests; here it only spells a number value as text.
const asText = (value: string | number) => (typeof value === 'number' ? formatNumber(value) : value);

const same = (actual: string, expected: string | number) =>
  typeof expected === 'number' ? asNumber(actual) === expected : actual === expected;

function compare(op: Operator, actual: string | undefined, value: SelectorValue): boolean {
  if (actual === undefined) return op === 'not equals' || op === 'not contains';
  if (op === 'within') {
    const items =
      typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : [value].flat();
    return items.some((item) => same(actual, item));
  }
  if (Array.isArray(value)) throw new Error(`${op} with a list`);
  const lower = actual.toLowerCase();
  const needle = asText(value).toLowerCase();
  switch (op) {
    case 'equals':
      return same(actual, value);
    case 'not equals':
      return !same(actual, value);
    case 'contains':
      return lower.includes(needle);
    case 'not contains':
      return !lower.includes(needle);
    case 'starts with':
      return lower.startsWith(needle);
    case 'ends with':
      return lower.endsWith(needle);
    case 'matches':
      return new RegExp(asText(value)).test(actual);
    case 'greater than':
    case 'less than': {
      const a = asNumber(actual);
      const b = typeof value === 'number' ? value : asNumber(value);
      if (a !== undefined && b !== undefined) return op === 'greater than' ? a > b : a < b;
      return op === 'greater than' ? actual > asText(value) : actual < asText(value);
    }
  }
}
