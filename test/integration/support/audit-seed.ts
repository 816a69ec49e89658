/**
 * A long sealed audit chain written straight into storage, chained as the sealer chains it
 * (docs/audit.md), with its head: what years of workflow changes leave in a space, in seconds.
 */
import { kvs } from '@forge/kvs';
import { type StoredAuditRow } from '../../../src/storage/audit';
import { ENTITY } from '../../../src/storage/entities';
import { canonical, sha256 } from './offline-audit';

const BATCH = 25;
/** What the chain head remembers of its last entries (src/storage/audit-chain.ts). */
const HEAD_REMEMBERS = 200;

/** Entries 1..count of `spaceId`'s chain, keyed `audit-seed:<seq>`; the space must have none yet. */
export async function seedSealedChain(spaceId: string, count: number): Promise<void> {
  let prevHash = '0'.repeat(64);
  const keys: string[] = [];
  for (let from = 1; from <= count; from += BATCH) {
    const items = [];
    for (let seq = from; seq < Math.min(from + BATCH, count + 1); seq += 1) {
      const key = `audit-seed:${String(seq).padStart(6, '0')}`;
      const row = { spaceId, pageId: '-', at: new Date(Date.UTC(2026, 0, 1) + seq * 60_000).toISOString(), type: 'workflow.updated', actorId: 'u-frank' };
      const body: StoredAuditRow['body'] = { kind: 'workflow', change: 'updated', workflowId: 'wf-seed', details: { revision: seq } };
      const hash = sha256(canonical({ seq, prevHash, key, ...row, bodyHash: sha256(canonical(body)) }));
      const value: StoredAuditRow = { ...row, body, sealed: true, seq, hash, prevHash };
      items.push({ key, value, entityName: ENTITY.auditEvent });
      prevHash = hash;
      keys.push(key);
    }
    await kvs.batchSet(items);
  }
  await kvs.entity('audit-chain').set(spaceId, { seq: count, hash: prevHash, revision: 1, recentKeys: keys.slice(-HEAD_REMEMBERS) });
}
