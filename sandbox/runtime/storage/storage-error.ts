/**
 * A refusal of the storage service: HTTP status plus the `{code, message}` body the real
 * service sends, which `@forge/kvs` turns into a `ForgeKvsAPIError` with the same code.
 */
export class StorageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly context?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

export const badRequest = (code: string, message: string, context?: Record<string, unknown>): StorageError =>
  new StorageError(400, code, message, context);
