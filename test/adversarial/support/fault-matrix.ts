/**
 * The fault matrix: an operation is run once cleanly to list its platform calls (the op log), then
 * once per call and fault kind with exactly that call failing (`faults.failAt`). Each faulted run
 * must end where the clean run ended once the queue has drained and the hourly sweeper has run
 * (the user trying again when they were told nothing happened), and on the way it may only be
 * "before" or "committed": never half-written.
 */
import { type FaultSpec, type OpEntry } from '../../../sandbox';
import { SAVED_NOT_SHOWN } from '../../../src/views/page-approval';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { isBridgeError } from '../../../src/shared/errors';
import { type SettingsResults } from '../../../src/shared/contract/settings';
import { MODULES, startApp, type TestApp } from '../../integration/support/app';

export type FaultKind = '500' | '429' | 'timeout' | 'lost answer';

/** A timeout is ambiguous: the call may not have happened (`timeout`) or happened unheard (`lost answer`). */
export const FAULT_KINDS: Record<FaultKind, FaultSpec> = {
  '500': { status: 500 },
  '429': { status: 429, retryAfterSeconds: 2 },
  timeout: { timeout: true },
  'lost answer': { timeout: true, answerLost: true },
};

/** The kinds of platform call a fault can hit (the op log also lists invocations). */
const PLATFORM_KINDS = ['kvs', 'entity', 'secret', 'confluence', 'queue'] as const;
type PlatformKind = (typeof PLATFORM_KINDS)[number];

export interface Operation<Ctx> {
  /** The function whose calls are enumerated and faulted (manifest `function` key). */
  functionKey: string;
  /** Everything before the operation, effects drained: the "before" state. */
  setup(app: TestApp): Promise<Ctx>;
  /** The operation; a resolver's answer, or undefined for work the platform runs. */
  run(app: TestApp, ctx: Ctx): Promise<unknown>;
  /** What the person does when the answer said it failed and nothing changed: the same again. */
  retry?(app: TestApp, ctx: Ctx): Promise<unknown>;
  /** What the platform does next for work that reports failure and waits (the daily job: tomorrow's run). */
  recover?(app: TestApp, ctx: Ctx): Promise<unknown>;
  /** The pages whose comments and byline are compared. */
  pages: string[];
  /**
   * An answer that reports parts (a bulk decision's items): the requests it says were not
   * changed. Each must be unchanged, and trying the whole again must finish them.
   */
  unchangedParts?(answer: unknown): string[];
}

/** One call of the clean run, as `failAt` targets it: its kind and its ordinal among that kind's calls. */
export interface CallSite {
  index: number;
  kind: PlatformKind;
  nth: number;
  label: string;
}

/** Everything a user or the app would notice, with run-specific ids, times and hashes masked. */
export interface Outcome {
  state: string;
  confluence: string;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g;
const HASH = /\b[0-9a-f]{64}\b/g;
const SIGNATURE = /"signature": ?"[^"]*"/g;

/**
 * The chain position depends on which page's job ran first (pages proceed in parallel): `seq` is
 * masked and the chain checked by the export instead (chainVerifiedOf).
 */
const SEQ = /"seq":\d+/g;
/** Comment ids, likewise, are named by page and position (`10020/c0`), keeping which replies to which. */
const QUOTED_NUMBER = /"(\d+)"/g;

type CommentLabels = Map<string, string>;

function mask(json: string, comments: CommentLabels): string {
  return json
    .replace(UUID, '<uuid>')
    .replace(ISO_TIME, '<time>')
    .replace(HASH, '<hash>')
    .replace(SIGNATURE, '"signature":"<sig>"')
    .replace(SEQ, '"seq":"<seq>"')
    .replace(QUOTED_NUMBER, (quoted: string, id: string) => (comments.has(id) ? `"${comments.get(id) ?? ''}"` : quoted));
}

function commentLabels(app: TestApp, pages: string[]): CommentLabels {
  return new Map(pages.flatMap((pageId) => app.site().commentsOn(pageId).map((comment, index): [string, string] => [comment.id, `${pageId}/c${index}`])));
}

interface Snapshot {
  keys: Array<[string, { value: unknown }]>;
  entities: Record<string, Array<[string, { value: unknown }]>>;
}

/** The app's stored state (values only: storage metadata times differ run to run), masked and sorted. */
function stateOf(app: TestApp, comments: CommentLabels): string {
  const { keys, entities } = app.appState() as Snapshot;
  const rows = (entries: Array<[string, { value: unknown }]>) => entries.map(([key, item]) => mask(JSON.stringify([key, item.value]), comments)).sort();
  return JSON.stringify({ keys: rows(keys), entities: Object.fromEntries(Object.entries(entities).map(([name, entries]) => [name, rows(entries)])) }, null, 1);
}

const requestRows = (app: TestApp): Array<[string, { value: unknown }]> => (app.appState() as Snapshot).entities['approval-request'] ?? [];
const requestKeys = (app: TestApp): string[] => requestRows(app).map(([key]) => key);
const requestRowOf = (app: TestApp, requestId: string): string => JSON.stringify(requestRows(app).find(([key]) => key === requestId)?.[1].value ?? null);

function confluenceOf(app: TestApp, pages: string[], labels: CommentLabels): string {
  const site = app.site();
  const view = pages.map((pageId) => ({
    pageId,
    comments: site.commentsOn(pageId).map((comment) => ({ id: comment.id, parent: comment.parentCommentId, body: comment.body.value })),
    byline: site.propertyOf(pageId, BYLINE_PROPERTY_KEY) ?? null,
  }));
  return mask(JSON.stringify(view, null, 1), labels);
}

export function outcomeOf(app: TestApp, pages: string[]): Outcome {
  const labels = commentLabels(app, pages);
  return { state: stateOf(app, labels), confluence: confluenceOf(app, pages, labels) };
}

/** Every page of the space admin's audit export verifies against the chain and its head. */
async function chainVerifiedOf(app: TestApp): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const page = await app.as('u-frank').invoke(MODULES.settings, 'exportAudit', cursor === undefined ? {} : { cursor }, app.spaceContext('ENG'));
    if (isBridgeError(page)) throw new Error(`the audit export failed: ${page.error.message}`);
    const { chainVerified, cursor: next } = page as SettingsResults['exportAudit'];
    if (!chainVerified) return false;
    cursor = next;
  } while (cursor !== undefined);
  return true;
}

/** Every timer but Date stays real, so the sandbox keeps running while the clock moves. */
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const;

/**
 * The hourly sweeper, run once the sweeper's staleness window (5 minutes) has passed for every
 * entry written so far, then the queue drained: what a lost push or a job given up on needs.
 */
export async function sweepLater(app: TestApp): Promise<void> {
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: Date.now() + 10 * 60 * 1000 });
  try {
    app.settleIndexes();
    const run = await app.sandbox.runScheduled('effects-sweep-trigger');
    if (!run.ok) throw new Error(`the sweeper failed: ${run.error ?? run.statusCode}`);
    await app.drain();
  } finally {
    jest.useRealTimers();
  }
}

function callSites(entries: OpEntry[]): CallSite[] {
  const seen = new Map<PlatformKind, number>();
  return entries.flatMap((entry, index): CallSite[] => {
    const kind = PLATFORM_KINDS.find((candidate) => candidate === entry.kind);
    if (kind === undefined) return [];
    const nth = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, nth);
    return [{ index, kind, nth, label: `${kind} #${nth} ${entry.operation} ${entry.path.split('?')[0]}` }];
  });
}

export interface CleanRun {
  calls: CallSite[];
  /** The clean run's end, once drained and swept. */
  final: Outcome;
}

/** The operation without faults: its calls (of `functionKey`, every invocation of it) and where it ends. */
export async function cleanRun<Ctx>(operation: Operation<Ctx>): Promise<CleanRun> {
  const app = await startApp();
  try {
    const ctx = await operation.setup(app);
    await app.drain();
    app.sandbox.ops.reset();
    await operation.run(app, ctx);
    await app.drain();
    const ids = new Set(app.sandbox.ops.invocations().filter((record) => record.functionKey === operation.functionKey).map((record) => record.id));
    const calls = callSites(app.sandbox.ops.entries().filter((entry) => entry.invocationId !== undefined && ids.has(entry.invocationId)));
    await sweepLater(app);
    return { calls, final: outcomeOf(app, operation.pages) };
  } finally {
    app.close();
  }
}

export interface CaseReport {
  call: string;
  fault: FaultKind;
  /** The answer the person got: 'ok', 'saved, not shown' (committed, view failed) or the error code. */
  answer: string;
  /** Whether the faulted call left the state as it was before (nothing written). */
  unchanged: boolean;
}

/**
 * Runs the operation with one call failing and checks the invariants; returns what happened for
 * the figures. Throws (with the case named) when an invariant does not hold.
 */
export async function faultedRun<Ctx>(operation: Operation<Ctx>, clean: CleanRun, site: CallSite, fault: FaultKind): Promise<CaseReport> {
  const app = await startApp();
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const warnings = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    const ctx = await operation.setup(app);
    await app.drain();
    const before = outcomeOf(app, operation.pages);
    const beforeRows = new Map(requestKeys(app).map((key) => [key, requestRowOf(app, key)]));
    app.sandbox.faults.failAt(site.kind, site.nth, FAULT_KINDS[fault], operation.functionKey);
    const answer = await operation.run(app, ctx);
    await app.drain();
    const fired = app.sandbox.faults.armed() === 0;
    app.sandbox.faults.clear();
    if (!fired) throw new Error(`the fault at ${site.label} never fired: the operation no longer makes that call`);

    const refusedAnswer = isBridgeError(answer) ? answer.error : undefined;
    if (refusedAnswer !== undefined && !['INTERNAL', 'RATE_LIMITED'].includes(refusedAnswer.code)) {
      throw new Error(`a platform fault was answered ${refusedAnswer.code}: ${refusedAnswer.message}`);
    }
    const afterFault = outcomeOf(app, operation.pages);
    const unchanged = afterFault.state === before.state;
    // Told it failed: either nothing changed, or the answer says the change was saved.
    if (refusedAnswer !== undefined && !unchanged && refusedAnswer.message !== SAVED_NOT_SHOWN) {
      throw new Error(`the person was told "${refusedAnswer.message}" but the change was made`);
    }
    const parts = refusedAnswer === undefined ? (operation.unchangedParts?.(answer) ?? []) : [];
    for (const requestId of parts) {
      if (requestRowOf(app, requestId) !== beforeRows.get(requestId)) throw new Error(`item ${requestId} was reported not changed, but it was`);
    }
    if (((refusedAnswer !== undefined && unchanged) || parts.length > 0) && operation.retry !== undefined) {
      const again = await operation.retry(app, ctx);
      if (isBridgeError(again)) throw new Error(`trying again failed: ${again.error.code} ${again.error.message}`);
      await app.drain();
    }
    if (operation.recover !== undefined) {
      await operation.recover(app, ctx);
      await app.drain();
    }
    await sweepLater(app);
    const final = outcomeOf(app, operation.pages);
    expect(await chainVerifiedOf(app)).toBe(true);
    expect(final.state).toEqual(clean.final.state);
    expect(final.confluence).toEqual(clean.final.confluence);
    const answered =
      refusedAnswer === undefined ? (parts.length > 0 ? 'items not changed' : 'ok') : refusedAnswer.message === SAVED_NOT_SHOWN ? 'saved, not shown' : refusedAnswer.code;
    return { call: site.label, fault, answer: answered, unchanged };
  } finally {
    errors.mockRestore();
    warnings.mockRestore();
    app.close();
  }
}
