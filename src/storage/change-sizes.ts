/**
 * How much a submission changed since the page's earlier approval (plain key
 * `change-size:<requestId>`): a derived row the submission's effects write once, which the
 * approval comment and the queue read instead of comparing bodies again.
 */
import { kvs } from '@forge/kvs';
import { z } from 'zod';
import { BATCH_LIMIT, readBatch } from './batch-read';

const changeSizeSchema = z.object({
  fromVersion: z.int(),
  toVersion: z.int(),
  /** Null when the bodies could not be compared (restricted, too large, too many changes). */
  counts: z.object({ added: z.int(), removed: z.int(), changed: z.int() }).nullable(),
});

export type ChangeSize = z.infer<typeof changeSizeSchema>;
export type ChangeSizeLookup = ReadonlyMap<string, ChangeSize>;

const changeSizeKey = (requestId: string): string => `change-size:${requestId}`;

/** The stored sizes of these requests; requests without one (no earlier approval) are absent. */
export async function getChangeSizes(requestIds: readonly string[]): Promise<Map<string, ChangeSize>> {
  const sizes = new Map<string, ChangeSize>();
  const ids = [...new Set(requestIds)];
  for (let i = 0; i < ids.length; i += BATCH_LIMIT) {
    const chunk = ids.slice(i, i + BATCH_LIMIT);
    const values = await readBatch(chunk.map((id) => ({ key: changeSizeKey(id) })));
    for (const id of chunk) {
      const parsed = changeSizeSchema.safeParse(values({ key: changeSizeKey(id) }));
      if (parsed.success) sizes.set(id, parsed.data);
    }
  }
  return sizes;
}

export async function saveChangeSize(requestId: string, size: ChangeSize): Promise<void> {
  await kvs.set(changeSizeKey(requestId), size);
}
