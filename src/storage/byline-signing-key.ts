/**
 * The key the app signs its byline content property with. Anyone who can edit a page can write
 * that property too, so only a value carrying the app's signature counts as the app's; the key
 * lives in the app's secret storage (storage-reference/kvs-api-secret) and never leaves the back
 * end: resolver answers carry signed values, never the key.
 *
 * Made by whoever needs it first. Two first users at once must not sign with two keys, so the
 * key is created with `keyPolicy: FAIL_IF_EXISTS` (kvs-api-secret, "Change write conflict
 * strategy"): the loser of the race is refused and reads the winner's key.
 */
import { randomBytes } from 'node:crypto';
import { getAppContext } from '@forge/api';
import { ForgeKvsAPIError, kvs } from '@forge/kvs';

const SECRET_NAME = 'byline-signing-key';
/** 256 bits, the size of an HMAC-SHA256 block's worth of output. */
const KEY_BYTES = 32;

/** One key read per invocation, whatever it signs or checks; a later invocation reads it again. */
let cached: { invocationId: string; key: Promise<Buffer> } | undefined;

function currentInvocation(): string | undefined {
  try {
    return getAppContext().invocationId;
  } catch {
    // Outside an invocation (set-up code) there is nothing to cache for.
    return undefined;
  }
}

async function readOrCreateKey(): Promise<Buffer> {
  const stored = await kvs.getSecret<string>(SECRET_NAME);
  if (stored !== undefined) return Buffer.from(stored, 'base64');
  try {
    const created = randomBytes(KEY_BYTES).toString('base64');
    await kvs.setSecret(SECRET_NAME, created, { keyPolicy: 'FAIL_IF_EXISTS' });
    return Buffer.from(created, 'base64');
  } catch (error) {
    if (!(error instanceof ForgeKvsAPIError && error.responseDetails.status === 409)) throw error;
    const winner = await kvs.getSecret<string>(SECRET_NAME);
    if (winner === undefined) throw new Error('The byline signing key was created by someone else but cannot be read');
    return Buffer.from(winner, 'base64');
  }
}

export function bylineSigningKey(): Promise<Buffer> {
  const invocationId = currentInvocation();
  if (invocationId === undefined) return readOrCreateKey();
  if (cached?.invocationId !== invocationId) {
    const key = readOrCreateKey();
    cached = { invocationId, key };
    // A failed read is not kept: the next caller in this invocation tries again.
    key.catch(() => {
      if (cached?.key === key) cached = undefined;
    });
  }
  return cached.key;
}
