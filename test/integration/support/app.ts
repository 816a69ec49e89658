/**
 * Shared helpers for integration tests: the repository's app running in the sandbox over the
 * seeded Confluence, callers with a module's context, and direct storage set-up for what a
 * test needs before the journey it checks (a workflow, an assignment).
 */
import { join } from 'node:path';
import { kvs } from '@forge/kvs';
import { type InvokeRequest, type LatencyOptions, type RateLimitOptions, type Sandbox, createSandbox } from '../../../sandbox';
import { ConfluenceEmulator } from '../../../sandbox/confluence';
import { actionsGrantOnSave } from '../../../src/domain/action-grant';
import { BYLINE_PROPERTY_KEY, type BylineProperties } from '../../../src/shared/byline';
import { type BylineResults } from '../../../src/shared/contract/byline';
import { type BridgeError, isBridgeError } from '../../../src/shared/errors';
import { type WorkflowInputDraft, type Workflow, workflowInputSchema } from '../../../src/shared/workflow';
import { getVersionedAssignments, saveSpaceAssignments, type SpaceAssignments } from '../../../src/storage/assignments';
import { ENTITY, type WorkflowRow } from '../../../src/storage/entities';

export const APP_ROOT = join(__dirname, '..', '..', '..');

/** The seeded spaces (docs/sandbox.md). */
export const SPACES = {
  ENG: { id: '1001', key: 'ENG' },
  HR: { id: '1002', key: 'HR' },
  PUB: { id: '1003', key: 'PUB' },
} as const;

export const MODULES = {
  byline: 'approval-byline',
  settings: 'approval-settings',
  queue: 'approval-queue',
  analytics: 'approval-analytics',
} as const;

export type ModuleContext = Record<string, unknown>;

export interface Caller {
  readonly accountId: string;
  /** What the front end's `invoke(functionKey, payload)` gets back (a result or `{error}`). */
  invoke(moduleKey: string, functionKey: string, payload?: unknown, context?: ModuleContext): Promise<unknown>;
  /** A byline dialog function on a page, with the page's content + space context. */
  byline<K extends keyof BylineResults>(functionKey: K, pageId: string, payload?: unknown): Promise<BylineResults[K] | BridgeError>;
}

export interface TestApp {
  readonly sandbox: Sandbox;
  /** The emulated Confluence site in use (a new instance after `reset()`). */
  site(): ConfluenceEmulator;
  as(accountId: string): Caller;
  /**
   * Every queued effect, retry and trigger delivery finished, and index queries caught up with
   * every write (the user comes back later): the lag only shows inside one step of a test.
   */
  drain(): Promise<void>;
  /** Index queries see every write so far, without waiting for queued work (seeded data). */
  settleIndexes(): void;
  /** The byline content property the app wrote on a page (what Confluence renders). */
  bylineProperty(pageId: string): BylineProperties | undefined;
  /** The context the byline module gets on a page: the page and its space. */
  pageContext(pageId: string): ModuleContext;
  /** The context of a space-level module (settings, queue). */
  spaceContext(spaceKey: keyof typeof SPACES): ModuleContext;
  /**
   * Stores a workflow as the settings screen would, without going through it; `assign` makes it
   * the space's default or assigns it to a page (or a page and its subtree).
   */
  createWorkflow(draft: WorkflowDraft, assign?: WorkflowAssignmentTarget): Promise<Workflow>;
  /**
   * Everything the app has stored (entities and keys), without the permission and name caches:
   * a refused call must leave this unchanged.
   */
  appState(): unknown;
  close(): void;
}

/** A workflow draft whose space defaults to ENG and whose name and steps are enough. */
export type WorkflowDraft = Partial<WorkflowInputDraft> & Pick<WorkflowInputDraft, 'steps'>;

export type WorkflowAssignmentTarget = 'default' | { pageId: string; scope: 'page' | 'subtree' };

export interface StartOptions {
  latency?: LatencyOptions;
  /** Forge's per-installation rate limits (`true`: Forge's figures); off unless asked for. */
  rateLimits?: boolean | RateLimitOptions;
  /** A manifest to run the app with instead of its own (e.g. one scope removed). */
  manifestFile?: string;
  /**
   * `manual`: index queries catch up only on `settleIndexes()` (and `createWorkflow`), not before
   * each action nor in `drain()`, so a test sees what the next click would see while the index
   * still lags (default `between-actions`).
   */
  indexCatchUp?: 'between-actions' | 'manual';
}

/**
 * Index queries are eventually consistent on Forge (storage-reference/entities, "Data
 * consistency"). Integration tests run with a lag longer than any test, and the indexes catch
 * up only when a test's caller starts a new action (`as(...)`) or drains: what one action
 * writes is invisible to index queries in that same action and in the queue consumers and
 * triggers it leads to, so a view or a consumer that relies on seeing a write through an index
 * fails here. A person's next click comes later than Forge's lag, hence the catch-up between
 * actions. Gets stay consistent.
 */
export const TEST_INDEX_LAG_MS = 60_000;

export async function startApp(options: StartOptions = {}): Promise<TestApp> {
  const sandbox = await createSandbox({
    appRoot: APP_ROOT,
    manifestFile: options.manifestFile,
    confluence: ConfluenceEmulator.seeded(),
    latency: options.latency,
    rateLimits: options.rateLimits,
    storage: { indexLagMs: TEST_INDEX_LAG_MS },
  });
  let workflowCounter = 0;
  const catchUp = (options.indexCatchUp ?? 'between-actions') === 'between-actions' ? () => sandbox.storage.settleIndexes() : () => undefined;

  const site = (): ConfluenceEmulator => {
    const current = sandbox.confluence;
    if (!(current instanceof ConfluenceEmulator)) throw new Error('the sandbox does not run the Confluence emulator');
    return current;
  };

  const pageContext = (pageId: string): ModuleContext => {
    const page = site().page(pageId);
    if (page === undefined) throw new Error(`no page ${pageId} in the emulated site`);
    const space = site().spaces().find((candidate) => candidate.id === page.spaceId);
    if (space === undefined) throw new Error(`page ${pageId} has no space`);
    // As Confluence gives it to the byline: the content's type, and `subtype` on a live doc.
    return { content: { id: pageId, type: page.type, subtype: page.subtype }, space: { id: space.id, key: space.key } };
  };

  const spaceContext = (spaceKey: keyof typeof SPACES): ModuleContext => ({ space: { ...SPACES[spaceKey] } });

  const act = (request: InvokeRequest): Promise<unknown> => {
    catchUp();
    return sandbox.invoke(request);
  };

  const as = (accountId: string): Caller => ({
    accountId,
    invoke: (moduleKey, functionKey, payload = {}, context = {}) => act({ moduleKey, functionKey, payload, accountId, context }),
    byline: async <K extends keyof BylineResults>(functionKey: K, pageId: string, payload: unknown = {}) =>
      (await act({ moduleKey: MODULES.byline, functionKey, payload, accountId, context: pageContext(pageId) })) as BylineResults[K] | BridgeError,
  });

  const createWorkflow = async (draft: WorkflowDraft, assign?: WorkflowAssignmentTarget): Promise<Workflow> => {
    workflowCounter += 1;
    const input = workflowInputSchema.parse({ spaceId: SPACES.ENG.id, name: `Test workflow ${workflowCounter}`, ...draft });
    const now = new Date().toISOString();
    // Saved by Frank, a space admin of every seeded space: his save grants restriction and publish actions, as the editor's would.
    const grant = actionsGrantOnSave(input.actions, null, { accountId: 'u-frank', isSpaceAdmin: true }, now);
    const actionsGrant = grant.ok && grant.grant !== undefined ? { actionsGrant: grant.grant } : {};
    const workflow: Workflow = { ...input, ...actionsGrant, id: `wf-test-${workflowCounter}`, createdBy: 'u-frank', createdAt: now, updatedAt: now, revision: 0 };
    const row: WorkflowRow = { spaceId: workflow.spaceId, name: workflow.name, enabled: workflow.enabled, updatedAt: now, updatedBy: 'u-frank', revision: 0, body: workflow };
    await kvs.entity<WorkflowRow>(ENTITY.workflow).set(workflow.id, row);
    if (assign !== undefined) await assignWorkflow(workflow, assign, now);
    // Set-up stands for work done long before the step under test.
    sandbox.storage.settleIndexes();
    return workflow;
  };

  return {
    sandbox,
    site,
    as,
    drain: async () => {
      await sandbox.drain();
      catchUp();
    },
    settleIndexes: () => sandbox.storage.settleIndexes(),
    bylineProperty: (pageId) => bylineShown(site().propertyOf(pageId, BYLINE_PROPERTY_KEY)),
    pageContext,
    spaceContext,
    createWorkflow,
    appState: () => {
      const { kvs: keys, entities } = sandbox.storage.snapshot();
      return { keys: keys.filter(([key]) => !key.startsWith('cache:')), entities };
    },
    close: () => sandbox.close(),
  };
}

async function assignWorkflow(workflow: Workflow, target: WorkflowAssignmentTarget, now: string): Promise<void> {
  const { assignments, revision } = await getVersionedAssignments(workflow.spaceId);
  const next: SpaceAssignments =
    target === 'default'
      ? { ...assignments, defaultWorkflowId: workflow.id }
      : { ...assignments, pages: { ...assignments.pages, [target.pageId]: { workflowIds: [workflow.id], scope: target.scope } } };
  if (!(await saveSpaceAssignments(workflow.spaceId, next, revision, now, []))) throw new Error('the space settings changed while a test assigned a workflow');
}

/** The successful result of a resolver call; fails the test with the error's message otherwise. */
export function ok<T>(result: T | BridgeError): T {
  if (isBridgeError(result)) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

/** The error of a refused resolver call; fails the test when the call succeeded. */
export function refused(result: unknown): BridgeError['error'] {
  if (!isBridgeError(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result).slice(0, 300)}`);
  return result.error;
}

/** The refusal `call` answers, having checked it changed nothing: the app's state the same once its effects ran. */
export async function refusedUnchanged(app: TestApp, call: () => Promise<unknown>): Promise<BridgeError['error']> {
  await app.drain();
  const before = app.appState();
  const error = refused(await call());
  await app.drain();
  expect(app.appState()).toEqual(before);
  return error;
}

/** Every timer API but Date stays real, so the sandbox keeps running while the calendar moves. */
const REAL_TIMERS = [
  'hrtime',
  'nextTick',
  'performance',
  'queueMicrotask',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'requestIdleCallback',
  'cancelIdleCallback',
  'setImmediate',
  'clearImmediate',
  'setInterval',
  'clearInterval',
  'setTimeout',
  'clearTimeout',
] as const;

/**
 * Moves the app's calendar (`new Date()`) forward, e.g. past an approval's validity or a step's
 * due date; call `jest.useRealTimers()` after the test.
 */
export function advanceCalendar(days: number): void {
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: Date.now() + days * 24 * 60 * 60 * 1000 });
}

/** What Confluence renders from the byline property (the app also stores the revision it describes). */
function bylineShown(value: unknown): BylineProperties | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { title, icon, tooltip } = value as BylineProperties;
  return { title, icon, tooltip };
}
