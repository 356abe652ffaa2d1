import { GraphQLError, TokenKind, type ConstValueNode, type ValueNode } from 'graphql';
import { Parser } from 'graphql/language/parser';

/**
 * How many tokens a document may have, counted apart: those of the operation
 * itself (fields, names, arguments' names, directives, variables), which
 * validation walks again and again, and those inside the argument values
 * written in it (lists, input objects, strings, numbers), which only the
 * parser reads once. The value budget lets everything the input limits allow
 * be written inline as it can be sent in variables — a batch of 1,000
 * decision targets or events with every field set, 10,000 monitor ids — while
 * the body limit (4 MB) and the operation budget keep parsing cheap.
 */
export const TOKEN_LIMITS = {
  operation: 5_000,
  values: 100_000,
} as const;

export type TokenLimits = { readonly operation: number; readonly values: number };

/** A parser that counts the tokens read inside argument values apart from the rest, and stops at either limit. */
class CountingParser extends Parser {
  private valueDepth = 0;
  private operationTokens = 0;
  private valueTokens = 0;

  constructor(
    source: string,
    private readonly limits: TokenLimits,
  ) {
    super(source);
  }

  override parseValueLiteral(isConst: true): ConstValueNode;
  override parseValueLiteral(isConst: boolean): ValueNode;
  override parseValueLiteral(isConst: boolean): ValueNode {
    this.valueDepth++;
    try {
      return super.parseValueLiteral(isConst);
    } finally {
      this.valueDepth--;
    }
  }

  override advanceLexer(): void {
    super.advanceLexer();
    if (this._lexer.token.kind === TokenKind.EOF) return;
    // The token read here is the one after the token consumed, so a value's first token counts for the operation
    // and the token after it for the values: one either way per value, which the budgets absorb.
    if (this.valueDepth > 0) {
      if (++this.valueTokens > this.limits.values) throw tooManyTokens(`Token limit of ${this.limits.values} in argument values exceeded.`);
    } else if (++this.operationTokens > this.limits.operation) {
      throw tooManyTokens(`Token limit of ${this.limits.operation} exceeded.`);
    }
  }
}

class TokenLimitExceeded extends Error {}

const tooManyTokens = (message: string) => new TokenLimitExceeded(message);

/**
 * Why a document is refused before it is parsed for real: too many tokens, or
 * a syntax error; null if it may go on. Reported as HTTP has always reported
 * them (graphql-armor's wording): GRAPHQL_VALIDATION_FAILED, the syntax error
 * with its place in the document (over HTTP with status 400, see below).
 */
export function documentProblem(source: string, limits: TokenLimits = TOKEN_LIMITS): GraphQLError | null {
  try {
    new CountingParser(source, limits).parseDocument();
    return null;
  } catch (error) {
    const message =
      error instanceof TokenLimitExceeded ? `Syntax Error: ${error.message}` : error instanceof GraphQLError ? error.toString() : null;
    if (message === null) throw error;
    return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  }
}

/**
 * The same check for Apollo (instead of graphql-armor's maxTokens): a refused
 * document ends the request before Apollo parses it, answered 400 with the
 * error. Apollo lets a plugin end a request only by failing, so the error is
 * thrown at parsing and thrown again from `unexpectedErrorProcessingRequest`,
 * where Apollo answers it as it is.
 */
export function tokenLimitPlugin(limits: TokenLimits = TOKEN_LIMITS) {
  const refused = new WeakSet<Error>();
  return {
    async unexpectedErrorProcessingRequest({ error }: { error: Error }) {
      if (refused.has(error)) throw error;
    },
    async requestDidStart() {
      return {
        async parsingDidStart({ source }: { source?: string }) {
          const problem = source === undefined ? null : documentProblem(source, limits);
          if (problem) {
            const error = new GraphQLError(problem.message, { extensions: { ...problem.extensions, http: { status: 400 } } });
            refused.add(error);
            throw error;
          }
        },
      };
    },
  };
}
