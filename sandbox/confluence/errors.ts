/**
 * One error type for everything the emulator refuses. The HTTP layer renders it in the
 * v1 or v2 error shape depending on which API was called, so domain code never has to
 * know which family of endpoint it serves.
 */
export type ConfluenceErrorCode =
  | 'BAD_REQUEST'
  | 'INVALID_REQUEST_PARAMETER'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'CONFLICT'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR';

export class ConfluenceError extends Error {
  constructor(
    readonly status: number,
    readonly code: ConfluenceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ConfluenceError';
  }
}

export const badRequest = (message: string): ConfluenceError => new ConfluenceError(400, 'BAD_REQUEST', message);
export const invalidParameter = (message: string): ConfluenceError =>
  new ConfluenceError(400, 'INVALID_REQUEST_PARAMETER', message);
export const unauthorized = (message: string): ConfluenceError => new ConfluenceError(401, 'UNAUTHORIZED', message);
export const forbidden = (message: string): ConfluenceError => new ConfluenceError(403, 'FORBIDDEN', message);
export const notFound = (message: string): ConfluenceError => new ConfluenceError(404, 'NOT_FOUND', message);
export const conflict = (message: string): ConfluenceError => new ConfluenceError(409, 'CONFLICT', message);
