import type { DomainError } from './domain-error';

/** The Postgres error code and constraint of a failed query, when it is one. */
function pgViolation(error: unknown): { code: string; constraint?: string } | null {
  const e = error as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string };
  const source = e?.driverError ?? e;
  return typeof source?.code === 'string' ? { code: source.code, constraint: source.constraint } : null;
}

const UNIQUE_VIOLATION = '23505';

/** Whether a failed query broke the unique index `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const violation = pgViolation(error);
  return violation?.code === UNIQUE_VIOLATION && violation.constraint === constraint;
}

/**
 * Runs a write and turns a violation of one unique index into a domain error:
 * the database decides uniqueness (no check-then-insert race), the client
 * gets a CONFLICT that names the field.
 */
export async function uniqueAs<T>(write: () => Promise<T>, constraint: string, conflict: () => DomainError): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, constraint)) throw conflict();
    throw error;
  }
}
