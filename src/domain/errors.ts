/**
 * The errors a domain rule can raise. The codes are the part of the resolver contract's closed
 * set that the domain decides; RATE_LIMITED and INTERNAL belong to the adapters.
 */
export const DOMAIN_ERROR_CODES = ['VALIDATION', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface DomainError {
  code: DomainErrorCode;
  /** Written for the person who caused it: says what is wrong and, where possible, what to do. */
  message: string;
}

export interface Failure {
  ok: false;
  error: DomainError;
}

export function fail(code: DomainErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}
