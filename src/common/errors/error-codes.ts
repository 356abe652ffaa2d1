/** The one list of error codes a client can see in `extensions.code`. */
export const ERROR_CODES = [
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'INVALID_TRANSITION',
  'POLICY_ACTIVE',
  'IMPACTS_FROZEN',
  'UNAUTHENTICATED',
  'FORBIDDEN',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];
