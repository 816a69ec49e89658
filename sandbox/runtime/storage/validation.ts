import { type JsonValue, isRecord } from '../types';
import { StoredValue } from './stored-item';
import { StorageError, badRequest } from './storage-error';

/** Limits from the KVS and Custom Entity Store documentation (limits-kvs-ce). */
export const LIMITS = {
  keyLength: 500,
  valueBytes: 240 * 1024,
  objectDepth: 31,
  queryDefaultLimit: 10,
  queryMaxLimit: 100,
  transactionOperations: 25,
  batchItems: 25,
  requestBytes: 4 * 1024 * 1024,
  queryConditions: 100,
  ttlMaxMs: 365 * 24 * 60 * 60 * 1000,
} as const;

const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;

export function validateKey(key: unknown, flavour: 'kvs' | 'entity'): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw flavour === 'kvs' ? badRequest('KEY_TOO_SHORT', 'The provided key needs to be at least one character.') : badRequest('EMPTY_KEY', 'Key cannot be empty.');
  }
  if (key.length > LIMITS.keyLength) throw badRequest('KEY_TOO_LONG', `The provided key has exceeded the maximum ${LIMITS.keyLength} characters.`);
  if (!KEY_PATTERN.test(key)) throw badRequest('INVALID_KEY', 'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/');
  return key;
}

function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (typeof node !== 'object' || node === null) continue;
    const here = depth + 1;
    if (here > max) max = here;
    for (const child of Array.isArray(node) ? node : Object.values(node)) stack.push({ node: child, depth: here });
  }
  return max;
}

/** Checks a value the way the service does and returns it as stored (a JSON round trip). */
/** The value as the store keeps it, and parsed once for the checks an entity's attributes need. */
export function validateValue(value: unknown): { json: JsonValue; stored: StoredValue } {
  if (value === undefined) throw badRequest('BAD_REQUEST', 'Provided request body is invalid: value is required');
  const serialized = JSON.stringify(value);
  if (Buffer.byteLength(serialized, 'utf8') > LIMITS.valueBytes) {
    throw badRequest('MAX_SIZE', `The provided value has exceeded the maximum size limit (${LIMITS.valueBytes} bytes).`);
  }
  if (depthOf(value) > LIMITS.objectDepth) throw badRequest('MAX_DEPTH', `The provided value has exceeded the maximum object depth (${LIMITS.objectDepth}).`);
  const json = JSON.parse(serialized) as JsonValue;
  return { json, stored: StoredValue.of(serialized, json) };
}

const TTL_UNITS_MS: Record<string, number> = { SECONDS: 1000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

/** Returns the expiry instant (epoch ms) a `ttl` option asks for, if any. */
export function expiryFromOptions(options: unknown, now: number): number | undefined {
  if (!isRecord(options) || options.ttl === undefined) return undefined;
  const ttl = options.ttl;
  if (!isRecord(ttl) || typeof ttl.value !== 'number' || !(ttl.value > 0) || typeof ttl.unit !== 'string' || TTL_UNITS_MS[ttl.unit] === undefined) {
    throw badRequest('INVALID_TTL', 'ttl must be {value > 0, unit: SECONDS | MINUTES | HOURS | DAYS}');
  }
  const ms = ttl.value * TTL_UNITS_MS[ttl.unit];
  if (ms > LIMITS.ttlMaxMs) throw badRequest('INVALID_TTL', 'The maximum supported TTL is 1 year');
  return now + ms;
}

export function checkRequestSize(body: string): void {
  if (Buffer.byteLength(body, 'utf8') > LIMITS.requestBytes) {
    throw new StorageError(413, 'PAYLOAD_TOO_LARGE', `The request payload exceeds ${LIMITS.requestBytes} bytes.`);
  }
}
