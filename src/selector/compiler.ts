import { SelectorSyntaxError } from './errors';
import { parseFiniteNumber, formatNumber } from './numbers';
import type { CompareNode, FieldRef, Operator, SelectorAst, SelectorEvent } from './types';

export type Matcher = (event: SelectorEvent) => boolean;

/** A field's value as text, or undefined when the event lacks it. */
export type Accessor = (event: SelectorEvent) => string | undefined;

/** A test of a present field value. */
type ValueTest = (value: string) => boolean;

/** The negative operators are compiled as their positive counterpart, negated. */
type PositiveOperator = Exclude<Operator, 'not equals' | 'not contains'>;

/**
 * Turns a parsed selector into nested closures: all per-selector work (lower-casing needles,
 * splitting `within` lists, building regular expressions, parsing numbers) happens here, once.
 * Throws {@link SelectorSyntaxError} for a `matches` pattern that is not a valid regular expression.
 */
export function compileAst(ast: SelectorAst): Matcher {
  switch (ast.kind) {
    case 'and': {
      const left = compileAst(ast.left);
      const right = compileAst(ast.right);
      return (event) => left(event) && right(event);
    }
    case 'or': {
      const left = compileAst(ast.left);
      const right = compileAst(ast.right);
      return (event) => left(event) || right(event);
    }
    case 'not': {
      const operand = compileAst(ast.operand);
      return (event) => !operand(event);
    }
    case 'compare':
      return compileComparison(ast);
  }
}

function compileComparison(node: CompareNode): Matcher {
  const read = accessor(node.field);
  // The negative operators are the only ones a missing field satisfies.
  if (node.op === 'not equals' || node.op === 'not contains') {
    const positive = valueTest(node.op === 'not equals' ? 'equals' : 'contains', node);
    return (event) => {
      const value = read(event);
      return value === undefined || !positive(value);
    };
  }
  const test = valueTest(node.op, node);
  return (event) => {
    const value = read(event);
    return value !== undefined && test(value);
  };
}

/** An attribute's text, as String() gives it: 87.5 is '87.5', a list 'a,b', a nested object '[object Object]'; null is missing. */
function asText(raw: unknown): string | undefined {
  switch (typeof raw) {
    case 'string':
      return raw;
    case 'undefined':
      return undefined;
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(raw);
    default:
      if (raw === null) return undefined;
      return Array.isArray(raw) ? raw.join(',') : Object.prototype.toString.call(raw);
  }
}

export function accessor(field: FieldRef): Accessor {
  if (field.kind === 'attribute') {
    const { key } = field;
    // Own keys only: `constructor` or `__proto__` must not find Object.prototype's members.
    return (event) => {
      const attributes = event.attributes;
      return attributes && Object.hasOwn(attributes, key) ? asText(attributes[key]) : undefined;
    };
  }
  switch (field.name) {
    case 'class':
      return (event) => asText(event.class);
    case 'severity':
      return (event) => asText(event.severity);
    case 'message':
      return (event) => asText(event.message);
    case 'host':
      return (event) => asText(event.host);
    case 'object':
      return (event) => asText(event.objectId);
    case '_identifier':
      return (event) => asText(event.identifier);
    case 'service':
      return (event) => asText(event.serviceId);
  }
}

/** A number value used where text is needed (contains, matches, …) is its canonical spelling. */
export function scalarText(value: string | number): string {
  return typeof value === 'number' ? formatNumber(value) : value;
}

/**
 * `equals` against a number compares numerically ('5.0' equals 5); against a quoted value it
 * compares text exactly.
 */
function equalsScalar(expected: string | number): ValueTest {
  if (typeof expected === 'string') return (value) => value === expected;
  return (value) => parseFiniteNumber(value) === expected;
}

function valueTest(op: PositiveOperator, node: CompareNode): ValueTest {
  const { value } = node;
  if (op === 'within') return withinTest(value);
  // The parser only accepts a list after `within`; an AST built by hand could still carry one.
  if (Array.isArray(value)) throw new TypeError(`'${op}' takes a single value, not a list`);
  switch (op) {
    case 'equals':
      return equalsScalar(value);
    case 'contains': {
      const needle = scalarText(value).toLowerCase();
      return (text) => text.toLowerCase().includes(needle);
    }
    case 'starts with': {
      const prefix = scalarText(value).toLowerCase();
      return (text) => text.toLowerCase().startsWith(prefix);
    }
    case 'ends with': {
      const suffix = scalarText(value).toLowerCase();
      return (text) => text.toLowerCase().endsWith(suffix);
    }
    case 'matches': {
      const pattern = compilePattern(scalarText(value), node.valuePosition);
      return (text) => pattern.test(text);
    }
    case 'greater than':
      return orderTest(value, true);
    case 'less than':
      return orderTest(value, false);
  }
}

/** Without the `g` or `y` flag `test` keeps no state, so one RegExp serves every event. */
function compilePattern(source: string, position: number): RegExp {
  try {
    return new RegExp(source);
  } catch (error) {
    // V8 already starts its message with "Invalid regular expression: "; keep only the detail.
    const reason = (error instanceof Error ? error.message : String(error)).replace(/^Invalid regular expression: /, '');
    throw new SelectorSyntaxError(`Invalid regular expression at position ${position}: ${reason}`, position, [
      'a valid regular expression',
    ]);
  }
}

/**
 * The quoted form is split on commas and each item trimmed; empty items are dropped so a
 * trailing comma does not quietly match empty values. List items are compared like `equals`.
 */
function withinTest(value: CompareNode['value']): ValueTest {
  const items = typeof value === 'string' ? splitList(value) : Array.isArray(value) ? value : [value];
  const texts = new Set(items.filter((item) => typeof item === 'string'));
  const numbers = new Set(items.filter((item) => typeof item === 'number'));
  if (numbers.size === 0) return (text) => texts.has(text);
  return (text) => {
    if (texts.has(text)) return true;
    const n = parseFiniteNumber(text);
    return n !== undefined && numbers.has(n);
  };
}

export function splitList(text: string): string[] {
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Numeric order when both sides read as finite numbers, else the code-unit order of the
 * texts (what `<` does on strings: case-sensitive, '10' < '9').
 */
function orderTest(expected: string | number, greater: boolean): ValueTest {
  const expectedText = scalarText(expected);
  const expectedNumber = typeof expected === 'number' ? expected : parseFiniteNumber(expected);
  return (text) => {
    const actual = expectedNumber === undefined ? undefined : parseFiniteNumber(text);
    if (actual !== undefined && expectedNumber !== undefined) return greater ? actual > expectedNumber : actual < expectedNumber;
    return greater ? text > expectedText : text < expectedText;
  };
}
