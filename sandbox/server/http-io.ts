/**
 * The few HTTP primitives every handler shares: one reply type, one error type, and bounded
 * body reading, so handlers stay pure functions from a request context to a reply.
 */
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type z } from 'zod';

/** Larger bodies are refused with 413: nothing the sandbox accepts comes close to this. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** A refusal a handler throws; the server renders it as `{error: {code, message}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body: JSON.stringify(value) };
}

export function errorReply(status: number, code: string, message: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error: { code, message } }, headers);
}

export function htmlReply(status: number, html: string): Reply {
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: html };
}

/**
 * Reads the whole body as UTF-8. Past the limit it stops buffering but keeps consuming until
 * the end, so the client reads a clean 413 instead of a reset connection mid-upload.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT_BYTES): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) reject(new HttpError(413, 'PAYLOAD_TOO_LARGE', `The request body is ${size} bytes; the sandbox accepts at most ${limit}`));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}

/** An empty body reads as `undefined`, so schemas decide whether a body is required. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, 'INVALID_JSON', `The request body is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Validates a JSON body; the first problem becomes the 400 message, naming the field. */
export function validateBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue.path.length > 0 ? `'${issue.path.join('.')}': ` : '';
  throw new HttpError(400, 'VALIDATION', `Invalid request body: ${where}${issue.message}`);
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  const bodyless = reply.status === 204 || reply.status === 304 || reply.body === undefined;
  res.writeHead(reply.status, reply.headers ?? {});
  res.end(bodyless ? undefined : reply.body);
}

/** Node gives repeated headers as arrays; the sandbox's request shapes want one string each. */
export function flatHeaders(headers: IncomingMessage['headers'], drop: readonly string[] = []): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || drop.includes(name)) continue;
    flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
