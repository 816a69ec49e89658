/**
 * The tamper-evident side of the audit trail: every space has one hash chain. Sealing gives
 * each entry the next `seq` of its space and a hash over its chain link (`HashedEntry`: seq,
 * prevHash, key, spaceId, pageId, at, type, actorId and the SHA-256 of its body), so changing,
 * removing or reordering a sealed entry breaks the chain at that entry. The body enters by its
 * own hash so that an export can withhold a body (a page the reader may not view) and the chain
 * still recomputes offline (docs/audit.md). The chain head (entity `audit-chain`) holds the last
 * seq and hash; it is advanced in the same transaction as the entries, conditioned on its revision.
 *
 * The chain shows tampering by anyone who edits rows without recomputing every later hash and
 * the head; a head (seq:hash) kept outside the app pins the chain against a full rewrite.
 *
 * Verification takes the chain's order from the by-space-seq index but each entry's content
 * from a read by key: index queries may lag writes (storage-reference/entities, "Data
 * consistency"), so an entry deleted or changed a moment ago would still look intact there, and
 * entries sealed a moment ago would look missing. The head keeps the keys of the last
 * RECENT_KEYS sealed entries, so those are read by key whether the index lists them yet or not.
 */
import { createHash } from 'node:crypto';
import { type AuditHashedView } from '../shared/contract/audit';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../shared/retry-policy';
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
const VERIFY_PAGE = 100;
const QUERY_PAGE_MAX = 100;
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

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** What an entry's hash covers (the export shows it as is, so auditors recompute the same thing). */
export type HashedEntry = AuditHashedView;

function hashedEntry(seq: number, prevHash: string, key: string, row: StoredAuditRow): HashedEntry {
  const { spaceId, pageId, at, type, actorId } = row;
  return { seq, prevHash, key, spaceId, pageId, at, type, actorId, bodyHash: sha256(canonicalJson(row.body)) };
}

/** The hash that links an entry at `seq` after `prevHash` into its space's chain (also what a fast bench seed seals with). */
export function entryHash(seq: number, prevHash: string, key: string, row: StoredAuditRow): string {
  return sha256(canonicalJson(hashedEntry(seq, prevHash, key, row)));
}

/** A sealed entry's chain link as stored, for an export to hand out with the entry. */
export function hashedEntryOf({ key, row }: AuditEntry): HashedEntry {
  return hashedEntry(row.seq, row.prevHash ?? GENESIS_HASH, key, row);
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
    const outcome = await retryLostRaces(ATTEMPTS.standard, async (attempt) => {
      if (attempt > 1) {
        // Another sealer moved the head or sealed some of these entries: keep the rest, in order.
        const current = await getAuditEntries(chunk.map((entry) => entry.key));
        result.push(...current.filter((entry) => entry.row.sealed));
        chunk = current.filter((entry) => !entry.row.sealed).sort(chainOrder);
      }
      if (chunk.length === 0) return [];
      return (await trySeal(spaceId, chunk)) ?? LOST_RACE;
    });
    if (outcome === LOST_RACE) throw new Error(`Could not seal audit entries of space ${spaceId}: the chain kept changing`);
    result.push(...outcome);
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

/**
 * The space's sealed entries after `afterSeq`, at most `limit` of them, in chain order: the newest
 * by key from the keys the head remembers, older ones through the `by-space-seq` index. Throws when
 * the lagging index leaves a gap, so the caller's job runs again once it has caught up.
 */
export async function sealedAfter(spaceId: string, afterSeq: number, limit: number): Promise<AuditEntry[]> {
  const head = await chainHead(spaceId);
  const headSeq = head?.seq ?? 0;
  const upTo = Math.min(headSeq, afterSeq + limit);
  if (upTo <= afterSeq) return [];
  const tail = head?.recentKeys ?? [];
  const tailFrom = headSeq - tail.length + 1;
  const keys: string[] = [];
  let cursor: string | undefined;
  while (afterSeq + 1 + keys.length < Math.min(tailFrom, upTo + 1)) {
    const page = await sealedFrom(spaceId, afterSeq + 1, QUERY_PAGE_MAX, cursor);
    const listed = page.entries.filter((entry) => entry.row.seq < Math.min(tailFrom, upTo + 1));
    keys.push(...listed.map((entry) => entry.key));
    if (listed.length < page.entries.length || page.nextCursor === undefined) break;
    cursor = page.nextCursor;
  }
  for (let seq = Math.max(afterSeq + 1, tailFrom); seq <= upTo; seq += 1) keys.push(tail[seq - tailFrom]);
  const entries = (await getAuditEntries(keys)).sort((a, b) => a.row.seq - b.row.seq);
  if (entries.length !== upTo - afterSeq || entries.some((entry, i) => entry.row.seq !== afterSeq + 1 + i)) {
    throw new Error(`The audit chain of space ${spaceId} cannot be read from entry ${afterSeq + 1} to ${upTo} yet`);
  }
  return entries;
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

/** Walks from `fromSeq` (linked to `anchorHash`) to the chain head and checks the end against the head. */
async function walkToHead(spaceId: string, head: ChainHeadRow | undefined, fromSeq: number, anchorHash: string): Promise<ChainVerification> {
  const walker = new ChainWalker(fromSeq, anchorHash);
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
  const broken = headMismatch(head, walker);
  return broken === undefined ? { ok: true, verified } : { ok: false, verified, broken };
}

/** Where a walk that ended at `walker` disagrees with the chain head: entries missing at the end, or a last entry the head never sealed. */
function headMismatch(head: ChainHeadRow | undefined, walker: ChainWalker): ChainBreak | undefined {
  const headSeq = head?.seq ?? 0;
  if (headSeq > walker.lastSeq) {
    const first = walker.lastSeq + 1;
    return { seq: first, reason: 'missing', detail: first === headSeq ? `Entry ${headSeq} is missing` : `Entries ${first} to ${headSeq} are missing` };
  }
  if (headSeq < walker.lastSeq) {
    return { seq: headSeq + 1, reason: 'modified', detail: `The chain was last sealed at entry ${headSeq}, but entries after it appear` };
  }
  if (head !== undefined && head.hash !== walker.lastHash) {
    return { seq: headSeq, reason: 'modified', detail: `Entry ${headSeq} is not the entry the chain was last sealed with: it was changed and its hash recomputed` };
  }
  return undefined;
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
  return walkToHead(spaceId, head, fromSeq, anchor);
}

/** A chain head as an export states it and an auditor pins it. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export type PinnedHeadCheck =
  | { outcome: 'intact'; head: ChainHead; verified: number }
  | { outcome: 'broken'; head: ChainHead; broken: ChainBreak }
  /** Further back than one check walks in a resolver's time; the offline script checks it. */
  | { outcome: 'tooFarBack'; head: ChainHead };

/** Entries one pinned-head check walks at most: 100 index pages and their reads, a few seconds. */
export const PIN_CHECK_MAX_ENTRIES = 10_000;

const headOf = (head: ChainHeadRow | undefined): ChainHead => ({ seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS_HASH });

/** The chain head as it stands: what a verification reports it checked up to. */
export async function currentHead(spaceId: string): Promise<ChainHead> {
  return headOf(await chainHead(spaceId));
}

/**
 * Whether the chain still contains the pinned entry unchanged and continues intact from it to the
 * head. The pinned hash covers the entry's prevHash, so it fixes everything before it as well:
 * a rewrite anywhere up to the pin changes the entry's hash, and a later rewrite breaks the walk.
 */
export async function checkPinnedHead(spaceId: string, pin: ChainHead): Promise<PinnedHeadCheck> {
  const row = await chainHead(spaceId);
  const head = headOf(row);
  if (pin.seq > head.seq) {
    const detail = `The chain now ends at entry ${head.seq}, before the pinned entry ${pin.seq}: entries were removed and the chain head moved back`;
    return { outcome: 'broken', head, broken: { seq: head.seq + 1, reason: 'missing', detail } };
  }
  if (head.seq - pin.seq > PIN_CHECK_MAX_ENTRIES) return { outcome: 'tooFarBack', head };
  const key = recentKeysFrom(row, pin.seq)?.[0] ?? (await sealedFrom(spaceId, pin.seq, 1)).entries[0]?.key;
  const [pinned] = key === undefined ? [] : await getAuditEntries([key]);
  if (pinned === undefined || pinned.row.seq !== pin.seq) {
    return { outcome: 'broken', head, broken: { seq: pin.seq, reason: 'missing', detail: `The pinned entry ${pin.seq} is missing` } };
  }
  const { row: stored } = pinned;
  if (stored.hash !== pin.hash || entryHash(pin.seq, stored.prevHash ?? GENESIS_HASH, pinned.key, stored) !== pin.hash) {
    const detail = `Entry ${pin.seq} no longer has the pinned hash: it, or an entry before it, was rewritten`;
    return { outcome: 'broken', head, broken: { seq: pin.seq, reason: 'modified', detail } };
  }
  const walk = await walkToHead(spaceId, row, pin.seq + 1, pin.hash);
  return walk.broken === undefined ? { outcome: 'intact', head, verified: walk.verified } : { outcome: 'broken', head, broken: walk.broken };
}

export interface ExportPage {
  entries: AuditEntry[];
  /** Pass back for the next page; absent on the last page. */
  cursor?: string;
  /** The page's entries link to each other and to the last entry of the previous page; the last page also ends at the head. */
  chainVerified: boolean;
  /** The chain head when the page was read. */
  head: ChainHead;
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
 * query per page, and every page verifies against the one before it. The last page adds the
 * entries sealed a moment ago that the index does not list yet (by key, from the head) and must
 * end at the head, so entries removed from the end show as well.
 */
export async function exportSealedEntries(spaceId: string, cursor?: string, limit: number = EXPORT_PAGE): Promise<ExportPage> {
  const afterSeq = cursor === undefined ? 0 : Number(cursor);
  // A query pages at most 100 items (storage-reference/entities): after a cursor, the anchor takes one of them.
  const queryLimit = Math.min(limit + (afterSeq > 0 ? 1 : 0), QUERY_PAGE_MAX);
  const [page, headRow] = await Promise.all([sealedFrom(spaceId, Math.max(1, afterSeq), queryLimit), chainHead(spaceId)]);
  let rows = page.entries;
  let anchorHash = GENESIS_HASH;
  let verified = true;
  if (afterSeq > 0) {
    const [anchor] = rows;
    verified = anchor !== undefined && anchor.row.seq === afterSeq;
    if (verified && anchor !== undefined) {
      anchorHash = anchor.row.hash;
      rows = rows.slice(1);
    }
  }
  const walker = new ChainWalker(afterSeq + 1, anchorHash);
  const walk = (entries: readonly AuditEntry[]) => {
    for (const entry of entries) verified = verified && walker.check(entry) === undefined;
  };
  walk(rows);
  const last = rows.at(-1);
  if (page.nextCursor === undefined || last === undefined) {
    const notListed = recentKeysFrom(headRow, (last?.row.seq ?? afterSeq) + 1);
    if (notListed === null) verified = false;
    const unlisted = (await getAuditEntries(notListed ?? [])).filter((entry) => entry.row.sealed).sort((a, b) => a.row.seq - b.row.seq);
    walk(unlisted);
    rows = [...rows, ...unlisted];
    verified = verified && headMismatch(headRow, walker) === undefined;
  }
  return {
    entries: rows,
    ...(page.nextCursor !== undefined && last !== undefined ? { cursor: String(last.row.seq) } : {}),
    chainVerified: verified,
    head: headOf(headRow),
  };
}
