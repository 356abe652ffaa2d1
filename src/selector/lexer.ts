import { SelectorSyntaxError } from './errors';
import { isIdentifierPart, isIdentifierStart } from './field-names';

export type Token =
  | { kind: 'word'; text: string; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'number'; value: number; text: string; position: number }
  | { kind: 'punct'; text: '(' | ')' | '[' | ']' | ','; position: number }
  /** A run of characters no token starts with, e.g. `==`; the parser reports it with what it expected instead. */
  | { kind: 'invalid'; text: string; position: number }
  | { kind: 'end'; position: number };

const PUNCTUATION = new Set(['(', ')', '[', ']', ',']);
const NUMBER = /-?\d+(\.\d+)?/y;

/**
 * Reads tokens on demand, so a problem late in the text (an unterminated quote) never hides
 * an earlier one the parser would report first.
 */
export class Lexer {
  private offset = 0;
  private lookahead: Token | undefined;

  constructor(private readonly text: string) {}

  peek(): Token {
    this.lookahead ??= this.read();
    return this.lookahead;
  }

  next(): Token {
    const token = this.peek();
    this.lookahead = undefined;
    return token;
  }

  private read(): Token {
    const { text } = this;
    while (this.offset < text.length && /\s/.test(text[this.offset])) this.offset++;
    const position = this.offset;
    if (position >= text.length) return { kind: 'end', position };
    const ch = text[position];
    if (ch === "'") return this.readString();
    if (PUNCTUATION.has(ch)) {
      this.offset++;
      return { kind: 'punct', text: ch as '(' | ')' | '[' | ']' | ',', position };
    }
    if (isIdentifierStart(ch)) {
      while (this.offset < text.length && isIdentifierPart(text[this.offset])) this.offset++;
      return { kind: 'word', text: text.slice(position, this.offset), position };
    }
    NUMBER.lastIndex = position;
    const number = NUMBER.exec(text);
    if (number) {
      this.offset = NUMBER.lastIndex;
      // `-0` reads as 0: the sign carries no meaning for comparisons and would not survive printing.
      return { kind: 'number', value: Number(number[0]) || 0, text: number[0], position };
    }
    while (this.offset < text.length && !this.startsToken(this.offset)) this.offset++;
    return { kind: 'invalid', text: text.slice(position, this.offset), position };
  }

  private startsToken(at: number): boolean {
    const ch = this.text[at];
    NUMBER.lastIndex = at;
    return /\s/.test(ch) || ch === "'" || PUNCTUATION.has(ch) || isIdentifierStart(ch) || NUMBER.test(this.text);
  }

  /**
   * `\'` is a quote and `\\` a backslash; any other backslash is kept as written, so regular
   * expressions such as `'^db-\d+$'` need no doubling.
   */
  private readString(): Token {
    const { text } = this;
    const position = this.offset;
    let value = '';
    let at = position + 1;
    while (at < text.length) {
      const ch = text[at];
      if (ch === "'") {
        this.offset = at + 1;
        return { kind: 'string', value, position };
      }
      if (ch === '\\' && (text[at + 1] === "'" || text[at + 1] === '\\')) {
        value += text[at + 1];
        at += 2;
      } else {
        value += ch;
        at++;
      }
    }
    throw new SelectorSyntaxError(`Unterminated quoted value starting at position ${position}`, position, ['a closing quote']);
  }
}
