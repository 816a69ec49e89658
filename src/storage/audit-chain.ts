/**
 * The tamper-evident side of the audit trail: every space has one hash chain. Sealing gives
 * each entry the next `seq` of its space and `hash = SHA-256(seq, prevHash, key, spaceId,
 * pageId, at, type, actorId, body)`, so changing, removing or reordering a sealed entry breaks
 * the chain at that entry. The chain head (entity `audit-chain`) holds the last seq and hash;
 * it is advanced in the same transaction as the entries, conditioned on its revision.
 *
 * The chain shows tampering by anyone who edits rows without recomputing every later hash and
 * the head; an export (seq + hash) kept outside the app pins the chain against a full rewrite.
 *
 * Verification takes the chain's order from the by-space-seq index but each entry's content
 * from a read by key: index queries may lag writes (storage-reference/entities, "Data
 * consistency"), so an entry deleted or changed a moment ago would still look intact there, and
 * entries sealed a moment ago would look missing. The head keeps the keys of the last
 * RECENT_KEYS sealed entries, so those are read by key whether the index lists them yet or not.
 */
import { createHash } from 'node:crypto';
import { Filter, FilterConditions, kvs, Sort, WhereConditions } from '@forge/kvs';
import { type AuditEntry, auditTable, getAuditEntries, type StoredAuditRow } from './audit';
import { isConditionFailure } from './condition-failure';
import { ENTITY, INDEX } from './entities';

/** The `prevHash` of a space's first entry. */
const GENESIS_HASH = '0'.repeat(64);

/** manifest.yml entity holding each space's chain head. */
const CHAIN_HEAD_ENTITY = 'audit-chain';

/** Key: spaceId. */
interface ChainHeadRow {
  seq: number;
  hash: string;
  revision: number;
  /** Keys of the last sealed entries, oldest first, the last one at `seq`; absent on heads sealed before it was kept. */
  recentKeys?: string[];
}

/** Far more entries than the index lags behind in practice; about 60 bytes each in the head row. */
const RECENT_KEYS = 200;

/** Entries per seal transaction: with the chain head that is the 25 operations a transaction allows. */
const ENTRIES_PER_SEAL = 24;
const SEAL_ATTEMPTS = 6;
const VERIFY_PAGE = 100;
const EXPORT_PAGE = 50;

const headTable = () => kvs.entity<ChainHeadRow>(CHAIN_HEAD_ENTITY);

/** JSON with object keys sorted at every level: one byte sequence per value, whatever the key order in storage. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, field]) => `${JSON.stringify(name)}:${canonicalJson(field)}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}

function entryHash(seq: number, prevHash: string, key: string, row: StoredAuditRow): string {
  const material = canonicalJson([seq, prevHash, key, row.spaceId, row.pageId, row.at, row.type, row.actorId, row.body]);
  return createHash('sha256').update(material, 'utf8').digest('hex');
}

/** Chain order inside one job: by time, then key (the events of one transaction share a time). */
function chainOrder(a: AuditEntry, b: AuditEntry): number {
  if (a.row.at !== b.row.at) return a.row.at < b.row.at ? -1 : 1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

async function chainHead(spaceId: string): Promise<ChainHeadRow | undefined> {
  return headTable().get(spaceId);
}

/** Extends the chain by `entries` (all unsealed, one space) in one transaction; null when someone else sealed first. */
async function trySeal(spaceId: string, entries: AuditEntry[]): Promise<AuditEntry[] | null> {
  const head = await chainHead(spaceId);
  let seq = head?.seq ?? 0;
  let prevHash = head?.hash ?? GENESIS_HASH;
  const sealed: AuditEntry[] = [];
  const transaction = kvs.transact();
  for (const { key, row } of entries) {
    seq += 1;
    const hash = entryHash(seq, prevHash, key, row);
    const sealedRow: StoredAuditRow = { ...row, sealed: true, seq, hash, prevHash };
    transaction.set<StoredAuditRow>(key, sealedRow, {
      entityName: ENTITY.auditEvent,
      conditions: new Filter<StoredAuditRow>().and('sealed', FilterConditions.equalTo(false)),
    });
    sealed.push({ key, row: sealedRow });
    prevHash = hash;
  }
  transaction.set<ChainHeadRow>(
    spaceId,
    { seq, hash: prevHash, revision: (head?.revision ?? 0) + 1, recentKeys: [...(head?.recentKeys ?? []), ...sealed.map((entry) => entry.key)].slice(-RECENT_KEYS) },
    {
      entityName: CHAIN_HEAD_ENTITY,
      conditions: new Filter<ChainHeadRow>().and(
        'revision',
        head === undefined ? FilterConditions.notExists() : FilterConditions.equalTo(head.revision),
      ),
    },
  );
  try {
    await transaction.execute();
    return sealed;
  } catch (error) {
    if (isConditionFailure(error)) return null;
    throw error;
  }
}

/** Seals the entries in order; returns them as sealed, by this sealer or by one it raced with. */
async function sealSpace(spaceId: string, entries: AuditEntry[]): Promise<AuditEntry[]> {
  const result: AuditEntry[] = [];
  for (let start = 0; start < entries.length; start += ENTRIES_PER_SEAL) {
    let chunk = entries.slice(start, start + ENTRIES_PER_SEAL);
    for (let attempt = 1; chunk.length > 0; attempt += 1) {
      const sealed = await trySeal(spaceId, chunk);
      if (sealed !== null) {
        result.push(...sealed);
        break;
      }
      if (attempt === SEAL_ATTEMPTS) throw new Error(`Could not seal audit entries of space ${spaceId}: the chain kept changing`);
      // Another sealer moved the head or sealed some of these entries: keep the rest, in order.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 50 * attempt));
      const current = await getAuditEntries(chunk.map((entry) => entry.key));
      result.push(...current.filter((entry) => entry.row.sealed));
      chunk = current.filter((entry) => !entry.row.sealed).sort(chainOrder);
    }
  }
  return result;
}

/**
 * Seals the entries stored under `keys` (those already sealed are left as they are) and returns
 * every one of them as sealed, in chain order. Each entry joins the chain of its own space.
 */
export async function sealAuditEntries(keys: readonly string[]): Promise<AuditEntry[]> {
  const entries = await getAuditEntries(keys);
  const result = entries.filter((entry) => entry.row.sealed);
  const bySpace = new Map<string, AuditEntry[]>();
  for (const entry of entries.filter((candidate) => !candidate.row.sealed).sort(chainOrder)) {
    bySpace.set(entry.row.spaceId, [...(bySpace.get(entry.row.spaceId) ?? []), entry]);
  }
  for (const [spaceId, unsealed] of bySpace) result.push(...(await sealSpace(spaceId, unsealed)));
  return result.sort((a, b) => (a.row.spaceId === b.row.spaceId ? a.row.seq - b.row.seq : a.row.spaceId < b.row.spaceId ? -1 : 1));
}

export type ChainBreakReason = 'modified' | 'missing' | 'reordered';

export interface ChainBreak {
  seq: number;
  reason: ChainBreakReason;
  detail: string;
}

/**
 * Walks sealed entries in seq order from a known link. Each entry must carry the next seq, link
 * to the hash before it, and hash to what it stores; the first entry that does not is where the
 * chain breaks.
 */
class ChainWalker {
  constructor(
    private expectedSeq: number,
    private prevHash: string,
  ) {}

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string {
    return this.prevHash;
  }

  check({ key, row }: AuditEntry): ChainBreak | undefined {
    const seq = this.expectedSeq;
    if (row.seq > seq) return { seq, reason: 'missing', detail: `Entry ${seq} is missing: the chain continues with entry ${row.seq}` };
    if (row.seq < seq) return { seq: row.seq, reason: 'reordered', detail: `Entry ${row.seq} appears twice (also as ${key})` };
    if (row.prevHash !== this.prevHash) {
      return { seq, reason: 'reordered', detail: `Entry ${seq} (${key}) does not follow entry ${seq - 1}: it was moved, or the entry before it was replaced` };
    }
    if (entryHash(seq, this.prevHash, key, row) !== row.hash) {
      return { seq, reason: 'modified', detail: `Entry ${seq} (${key}) was changed after it was sealed` };
    }
    this.expectedSeq = seq + 1;
    this.prevHash = row.hash;
    return undefined;
  }
}

interface SealedPage {
  entries: AuditEntry[];
  nextCursor?: string;
}

/** Sealed entries in index order, from `fromSeq`, as the index lists them (see `currentOf`). */
async function sealedFrom(spaceId: string, fromSeq: number, limit: number, cursor?: string): Promise<SealedPage> {
  let query = auditTable()
    .query()
    .index(INDEX.auditEvent.bySpaceSeq, { partition: [spaceId, true] })
    .where(WhereConditions.greaterThanEqualTo(fromSeq))
    .sort(Sort.ASC)
    .limit(limit);
  if (cursor !== undefined) query = query.cursor(cursor);
  const result = await query.getMany();
  return { entries: result.results.map(({ key, value }) => ({ key, row: value })), ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
}

/** The keys the head remembers for entries `fromSeq` up to its own seq; null when it does not remember them all. */
function recentKeysFrom(head: ChainHeadRow | undefined, fromSeq: number): string[] | null {
  if (head === undefined || fromSeq > head.seq) return [];
  const recent = head.recentKeys ?? [];
  const count = head.seq - fromSeq + 1;
  return count <= recent.length ? recent.slice(recent.length - count) : null;
}

/** The hash a chain starting at `fromSeq` links to, or the break when entry fromSeq-1 is gone. */
async function anchorBefore(spaceId: string, fromSeq: number, head: ChainHeadRow | undefined): Promise<string | ChainBreak> {
  if (fromSeq <= 1) return GENESIS_HASH;
  const remembered = recentKeysFrom(head, fromSeq - 1)?.[0];
  const key = remembered ?? (await sealedFrom(spaceId, fromSeq - 1, 1)).entries[0]?.key;
  const [anchor] = key === undefined ? [] : await getAuditEntries([key]);
  if (anchor === undefined || anchor.row.seq !== fromSeq - 1) {
    return { seq: fromSeq - 1, reason: 'missing', detail: `Entry ${fromSeq - 1} is missing` };
  }
  return anchor.row.hash;
}

export interface ChainVerification {
  ok: boolean;
  /** Entries checked and found intact. */
  verified: number;
  /** The first place the chain is broken. */
  broken?: ChainBreak;
}

/**
 * Recomputes every hash of a space's chain in seq order (from `fromSeq`, trusting the entry
 * before it) and checks the end against the chain head, so removed trailing entries show too.
 */
export async function verifyChain(spaceId: string, options: { fromSeq?: number } = {}): Promise<ChainVerification> {
  const fromSeq = Math.max(1, options.fromSeq ?? 1);
  const head = await chainHead(spaceId);
  const anchor = await anchorBefore(spaceId, fromSeq, head);
  if (typeof anchor !== 'string') return { ok: false, verified: 0, broken: anchor };
  const walker = new ChainWalker(fromSeq, anchor);
  let verified = 0;
  // In the order the entries claim now, as the index will list them once it catches up.
  const walk = (entries: readonly AuditEntry[]): ChainBreak | undefined => {
    for (const entry of [...entries].sort((a, b) => a.row.seq - b.row.seq)) {
      const broken = walker.check(entry);
      if (broken !== undefined) return broken;
      verified += 1;
    }
    return undefined;
  };
  const headSeq = head?.seq ?? 0;
  // The head's remembered tail is read by key; the index is walked only up to where it starts.
  const tail = recentKeysFrom(head, fromSeq) ?? recentKeysFrom(head, headSeq - (head?.recentKeys?.length ?? 0) + 1) ?? [];
  const tailFrom = headSeq - tail.length + 1;
  let cursor: string | undefined;
  if (fromSeq < tailFrom) {
    do {
      const page = await sealedFrom(spaceId, fromSeq, VERIFY_PAGE, cursor);
      const listed = page.entries.filter((entry) => entry.row.seq < tailFrom);
      const broken = walk(await getAuditEntries(listed.map((entry) => entry.key)));
      if (broken !== undefined) return { ok: false, verified, broken };
      cursor = listed.length < page.entries.length ? undefined : page.nextCursor;
    } while (cursor !== undefined);
  }
  const brokenTail = walk(await getAuditEntries(tail));
  if (brokenTail !== undefined) return { ok: false, verified, broken: brokenTail };
  if (headSeq > walker.lastSeq) {
    return { ok: false, verified, broken: { seq: walker.lastSeq + 1, reason: 'missing', detail: `Entries ${walker.lastSeq + 1} to ${headSeq} are missing` } };
  }
  if (headSeq < walker.lastSeq || (head !== undefined && head.hash !== walker.lastHash)) {
    return { ok: false, verified, broken: { seq: walker.lastSeq, reason: 'modified', detail: `The chain no longer ends where it was last sealed (entry ${headSeq})` } };
  }
  return { ok: true, verified };
}

export interface ExportPage {
  entries: AuditEntry[];
  /** Pass back for the next page; absent on the last page. */
  cursor?: string;
  /** The page's entries link to each other and to the last entry of the previous page. */
  chainVerified: boolean;
}

const CURSOR_PATTERN = /^[1-9][0-9]{0,9}$/;
/** `seq` is an entity `integer`, a 32-bit signed number (storage-reference/entities). */
const SEQ_MAX = 2 ** 31 - 1;

/** Whether `cursor` is one `exportSealedEntries` hands out (the seq of the last entry exported). */
export function isExportCursor(cursor: string): boolean {
  return CURSOR_PATTERN.test(cursor) && Number(cursor) <= SEQ_MAX;
}

/**
 * One page of a space's sealed entries, oldest first, checked against the chain. The cursor is
 * the last exported seq, so the next page starts by re-reading that entry as its anchor: one
 * query per page, and every page verifies against the one before it.
 */
export async function exportSealedEntries(spaceId: string, cursor?: string, limit: number = EXPORT_PAGE): Promise<ExportPage> {
  const afterSeq = cursor === undefined ? 0 : Number(cursor);
  const page = await sealedFrom(spaceId, Math.max(1, afterSeq), limit + (afterSeq > 0 ? 1 : 0));
  let rows = page.entries;
  let anchorHash = GENESIS_HASH;
  let anchored = true;
  if (afterSeq > 0) {
    const [anchor] = rows;
    anchored = anchor !== undefined && anchor.row.seq === afterSeq;
    if (anchored && anchor !== undefined) {
      anchorHash = anchor.row.hash;
      rows = rows.slice(1);
    }
  }
  const walker = new ChainWalker(afterSeq + 1, anchorHash);
  const chainVerified = anchored && rows.every((entry) => walker.check(entry) === undefined);
  const last = rows.at(-1);
  return {
    entries: rows,
    ...(page.nextCursor !== undefined && last !== undefined ? { cursor: String(last.row.seq) } : {}),
    chainVerified,
  };
}
