import { type z } from 'zod';
/**
 * The closed set of error codes that cross the resolver bridge. The front end shows
 * `message` as it is, so every message is written for the person who caused it.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'PRECONDITION',
  'RATE_LIMITED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** What a resolver returns instead of its result when the call is refused or fails. */
export interface BridgeError {
  error: ErrorBody;
}

/** Thrown anywhere on the server side; the resolver wrapper turns it into a BridgeError. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBridge(): BridgeError {
    return { error: { code: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) } };
  }
}

export function isBridgeError(value: unknown): value is BridgeError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/** A payload the schema refused, as the VALIDATION error both the resolvers and the REST API answer. */
export function validationError(error: z.ZodError): AppError {
  const issues = error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message }));
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return new AppError('VALIDATION', `${where}${first?.message ?? 'Invalid request.'}`, { issues });
}
