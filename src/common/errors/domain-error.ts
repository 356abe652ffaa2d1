import type { ErrorCode } from './error-codes';

/** One bad field of an input: `path` is rooted at the argument, e.g. `input.schedule.startTime`. */
export interface FieldProblem {
  path: string;
  message: string;
}

/**
 * An expected, client-facing failure. Services throw these (never Nest
 * HttpExceptions); the GraphQL error formatter turns them into `extensions.code`
 * plus `details`, and anything that is not one becomes INTERNAL_SERVER_ERROR.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadUserInputError extends DomainError {
  constructor(readonly fields: FieldProblem[]) {
    super('BAD_USER_INPUT', `Invalid input: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`, { fields });
  }

  static field(path: string, message: string): BadUserInputError {
    return new BadUserInputError([{ path, message }]);
  }
}

export class NotFoundError extends DomainError {
  constructor(kind: string, id: string, path?: string) {
    super('NOT_FOUND', `${kind} ${id} does not exist`, { kind, id, ...(path ? { path } : {}) });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('CONFLICT', message, details);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid API token is required: send "Authorization: Bearer <token>"') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(required: string, actual: string) {
    super('FORBIDDEN', `This operation needs the ${required} role; the token has ${actual}`, { required, actual });
  }
}
