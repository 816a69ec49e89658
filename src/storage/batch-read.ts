/**
 * One round trip for several unrelated values: entity rows and plain keys read together, so a
 * hot path can fetch everything it needs about a page before deciding anything.
 */
import { kvs } from '@forge/kvs';

export interface StoredKey {
  key: string;
  /** A custom entity's name; absent for a plain key-value key. */
  entityName?: string;
}

export type BatchValues = <T>(item: StoredKey) => T | undefined;

/** The storage service's batch limit. */
export const BATCH_LIMIT = 25;

const slot = ({ key, entityName }: StoredKey): string => `${entityName ?? ''}\u0000${key}`;

/** Reads up to 25 keys at once; missing keys read as undefined. */
export async function readBatch(items: readonly StoredKey[]): Promise<BatchValues> {
  const unique = [...new Map(items.map((item) => [slot(item), item])).values()];
  if (unique.length > BATCH_LIMIT) throw new Error(`readBatch: ${unique.length} keys exceed the batch limit of ${BATCH_LIMIT}`);
  const values = new Map<string, unknown>();
  if (unique.length > 0) {
    const result = await kvs.batchGet<unknown>(unique.map(({ key, entityName }) => (entityName === undefined ? { key } : { key, entityName })));
    for (const item of result.successfulKeys) values.set(slot(item), item.value);
    const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not read ${failed.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
  }
  return <T>(item: StoredKey) => values.get(slot(item)) as T | undefined;
}
