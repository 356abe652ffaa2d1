import { SelectorSyntaxError, unexpected } from './errors';
import { ATTRIBUTE_PREFIX, hasAttributePrefix, isKeyword, knownField } from './field-names';
import { Lexer, type Token } from './lexer';
import type { CompareNode, FieldRef, Operator, SelectorAst } from './types';

const FIELD_START = ['a field name', 'NOT', "'('"];
const SCALAR = ['a quoted value', 'a number'];

/** Operators spelled in one word, and the second word that completes each two-word operator. */
const SINGLE_WORD: ReadonlySet<string> = new Set(['equals', 'contains', 'matches', 'within']);
const SECOND_WORD: ReadonlyMap<string, ReadonlyMap<string, Operator>> = new Map([
  [
    'not',
    new Map<string, Operator>([
      ['equals', 'not equals'],
      ['contains', 'not contains'],
    ]),
  ],
  ['starts', new Map<string, Operator>([['with', 'starts with']])],
  ['ends', new Map<string, Operator>([['with', 'ends with']])],
  ['greater', new Map<string, Operator>([['than', 'greater than']])],
  ['less', new Map<string, Operator>([['than', 'less than']])],
]);

/** Parses a selector; throws {@link SelectorSyntaxError} with the offset of the first problem. */
export function parseSelector(text: string): SelectorAst {
  if (text.trim() === '') {
    throw new SelectorSyntaxError('Empty selector: expected a field name at position 0', 0, FIELD_START);
  }
  return new Parser(text).parse();
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end';
    case 'string':
      return 'a quoted value';
    case 'number':
      return `the number ${token.text}`;
    default:
      return `'${token.text}'`;
  }
}

function isWord(token: Token, word: string): boolean {
  return token.kind === 'word' && token.text.toLowerCase() === word;
}

function isPunct(token: Token, text: string): boolean {
  return token.kind === 'punct' && token.text === text;
}

/**
 * Recursive descent, one method per precedence level: OR, then AND, then NOT, then a comparison
 * or a parenthesised group. Binary operators associate to the left.
 */
class Parser {
  private readonly lexer: Lexer;

  constructor(text: string) {
    this.lexer = new Lexer(text);
  }

  parse(): SelectorAst {
    const ast = this.parseOr();
    const after = this.lexer.peek();
    if (after.kind !== 'end') throw unexpected(['AND', 'OR', 'the end'], after.position, describe(after));
    return ast;
  }

  private fail(expected: string[]): never {
    const token = this.lexer.peek();
    throw unexpected(expected, token.position, describe(token));
  }

  private parseOr(): SelectorAst {
    return this.parseChain('or', () => this.parseAnd());
  }

  private parseAnd(): SelectorAst {
    return this.parseChain('and', () => this.parseNot());
  }

  /** Operands joined by `kind`, grouped from the left: `a OR b OR c` is `(a OR b) OR c`. */
  private parseChain(kind: 'or' | 'and', operand: () => SelectorAst): SelectorAst {
    let left = operand();
    while (isWord(this.lexer.peek(), kind)) {
      this.lexer.next();
      left = { kind, left, right: operand() };
    }
    return left;
  }

  /** The contract lets NOT apply to a comparison or a group only, so `NOT NOT x` must be `NOT (NOT x)`. */
  private parseNot(): SelectorAst {
    if (!isWord(this.lexer.peek(), 'not')) return this.parsePrimary(FIELD_START);
    this.lexer.next();
    return { kind: 'not', operand: this.parsePrimary(['a field name', "'('"]) };
  }

  private parsePrimary(expected: string[]): SelectorAst {
    const token = this.lexer.peek();
    if (isPunct(token, '(')) {
      this.lexer.next();
      const inner = this.parseOr();
      const close = this.lexer.peek();
      if (!isPunct(close, ')')) {
        // At the end of the text the unclosed group is the problem to name; mid-text a missing AND/OR is as likely.
        this.fail(close.kind === 'end' ? ["')'"] : ['AND', 'OR', "')'"]);
      }
      this.lexer.next();
      return inner;
    }
    if (token.kind === 'word' && !isKeyword(token.text)) return this.parseComparison(token);
    return this.fail(expected);
  }

  private parseComparison(fieldToken: Token & { kind: 'word' }): CompareNode {
    this.lexer.next();
    const field = this.fieldRef(fieldToken);
    const op = this.parseOperator();
    const valueToken = this.lexer.peek();
    const value = op === 'within' ? this.parseWithinValue() : this.parseScalar(SCALAR);
    return { kind: 'compare', field, op, value, position: fieldToken.position, valuePosition: valueToken.position };
  }

  private fieldRef(token: Token & { kind: 'word' }): FieldRef {
    const known = knownField(token.text);
    if (known) return { kind: 'field', name: known };
    if (!hasAttributePrefix(token.text)) return { kind: 'attribute', key: token.text };
    const key = token.text.slice(ATTRIBUTE_PREFIX.length);
    if (key === '') {
      const at = token.position + token.text.length;
      throw new SelectorSyntaxError(`Expected an attribute key after '${token.text}' at position ${at}`, at, ['an attribute key']);
    }
    return { kind: 'attribute', key };
  }

  private parseOperator(): Operator {
    const first = this.lexer.peek();
    const word = first.kind === 'word' ? first.text.toLowerCase() : '';
    if (SINGLE_WORD.has(word)) {
      this.lexer.next();
      return word as Operator;
    }
    const completions = SECOND_WORD.get(word);
    if (!completions) return this.fail(['an operator']);
    this.lexer.next();
    const second = this.lexer.peek();
    const op = second.kind === 'word' ? completions.get(second.text.toLowerCase()) : undefined;
    if (!op) return this.fail([...completions.keys()].map((w) => `'${w}'`));
    this.lexer.next();
    return op;
  }

  private parseScalar(expected: string[]): string | number {
    const token = this.lexer.peek();
    if (token.kind !== 'string' && token.kind !== 'number') return this.fail(expected);
    this.lexer.next();
    return token.value;
  }

  /** `'a, b'` stays one string (split when compiled) so printing reproduces the form the user chose. */
  private parseWithinValue(): string | (string | number)[] {
    const token = this.lexer.peek();
    if (token.kind === 'string') {
      this.lexer.next();
      return token.value;
    }
    if (!isPunct(token, '[')) return this.fail(['a quoted value', 'a list']);
    this.lexer.next();
    const items: (string | number)[] = [];
    if (isPunct(this.lexer.peek(), ']')) {
      this.lexer.next();
      return items;
    }
    for (;;) {
      items.push(this.parseScalar(items.length === 0 ? [...SCALAR, "']'"] : SCALAR));
      const after = this.lexer.peek();
      if (isPunct(after, ']')) {
        this.lexer.next();
        return items;
      }
      if (!isPunct(after, ',')) return this.fail(["','", "']'"]);
      this.lexer.next();
    }
  }
}
