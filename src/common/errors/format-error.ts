import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { DomainError, type FieldProblem } from './domain-error';

/**
 * graphql ships CommonJS and ESM builds and both get loaded (Nest imports one,
 * Apollo and graphql-ws the other), and Apollo renames its subclasses, so
 * neither `instanceof GraphQLError` nor the name can be trusted: recognise
 * GraphQL errors by their `extensions` object.
 */
function isGraphQLError(error: unknown): error is { originalError?: unknown } {
  return error instanceof Error && typeof (error as { extensions?: unknown }).extensions === 'object';
}

/** The error a resolver threw, beneath the GraphQL errors wrapping it; or the GraphQL error graphql-js raised itself. */
function cause(error: unknown): unknown {
  let current = error;
  while (isGraphQLError(current) && current.originalError) current = current.originalError;
  return current;
}

/**
 * graphql-js reports a bad variable as `Variable "$input" got invalid value … at "input.schedule.timeZone"; why`;
 * lift that into the same `fields` list our own validation gives.
 */
function coercionFields(message: string): FieldProblem[] | undefined {
  const match = /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s.exec(message);
  return match ? [{ path: match[2] ?? match[1], message: match[3] }] : undefined;
}

/**
 * The one place where failures become client-visible GraphQL errors.
 * Domain errors keep their code and details; errors graphql-js raised itself
 * (parse, validation, variable coercion) keep their message; anything else is
 * an INTERNAL_SERVER_ERROR whose only detail is an id to find it in the log.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = cause(error);
    const where = { path: formatted.path, locations: formatted.locations };

    if (original instanceof DomainError) {
      return { message: original.message, ...where, extensions: { code: original.code, ...original.details } };
    }
    if (isGraphQLError(original)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      const fields = coercionFields(formatted.message);
      return {
        message: formatted.message,
        ...where,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', ...extensions, ...(fields ? { fields } : {}) },
      };
    }
    const errorId = randomUUID();
    logger.error({ errorId, err: original, path: formatted.path }, 'unexpected error in a GraphQL operation');
    return {
      message: `Internal server error (id ${errorId})`,
      ...where,
      extensions: { code: 'INTERNAL_SERVER_ERROR', errorId },
    };
  };
}
