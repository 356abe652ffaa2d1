import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { ErrorCode } from './error-codes';
import { DomainError } from './domain-error';

const STATUS: Record<ErrorCode, HttpStatus> = {
  BAD_USER_INPUT: HttpStatus.BAD_REQUEST,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  INVALID_TRANSITION: HttpStatus.CONFLICT,
  POLICY_ACTIVE: HttpStatus.CONFLICT,
  IMPACTS_FROZEN: HttpStatus.CONFLICT,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
};

/**
 * Domain errors on plain HTTP routes (health, calendar feed) become a status
 * and a small JSON body; in GraphQL they are handed back untouched for the
 * GraphQL error formatter.
 */
@Catch(DomainError)
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost) {
    if (host.getType<string>() !== 'http') return error;
    const res = host.switchToHttp().getResponse<Response>();
    res.status(STATUS[error.code]).json({ code: error.code, message: error.message, ...error.details });
  }
}
