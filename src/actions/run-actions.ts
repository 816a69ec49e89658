/**
 * Runs a state's actions when a page enters it, in the three phases of domain/state-actions.ts:
 * remove restrictions one after the other, then everything else at once, then (a settle later)
 * publish. An action that fails is recorded with its message and the others go on; the run ends
 * with one "Workflow actions" audit entry that the page's history shows. The run's record
 * (action-ledger.ts) makes a redelivery resume with the unfinished actions only.
 */
import { checkActionGrant } from '../auth/action-grant-check';
import { ConfluenceBusyError } from '../confluence/http';
import { actionName } from '../domain/action-grant';
import { type PlannedAction, planActions, PUBLISH_SETTLE_MS } from '../domain/state-actions';
import { AppError } from '../shared/errors';
import { waitToRetry } from '../shared/retry-policy';
import { type ActionState, type Workflow } from '../shared/workflow';
import { createAuditEntryOnce } from '../storage/audit';
import { sealAuditEntries } from '../storage/audit-chain';
import { actionsAuditEntry } from '../storage/audit-rows';
import { type ActionRunResult } from '../storage/action-runs';
import { ActionLedger } from './action-ledger';
import { type ActionOutcome, type ActionRun } from './action-run';
import { executorFor } from './execute';

/** Which entry of a request into a state a run is, known before anything is read for it. */
export interface StateEntry {
  requestId: string;
  /** The request's revision after the event that entered the state. */
  revision: number;
  state: ActionState;
  /** The request's snapshot of its workflow: the actions that run. */
  workflow: Workflow;
  spaceId: string;
  pageId: string;
}

/** How long the delivery running the actions may take (epoch ms). */
export interface RunWindow {
  /** A Confluence `Retry-After` that ends later hands the job back to the queue instead of waiting. */
  waitUntil: number;
  /** When the invocation can no longer be running (its time limit): a claim it leaves behind lapses then. */
  aliveUntil: number;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Every message names its action first ("Publish page: …"): the history lists them one after the other. */
function named(name: string, message: string): string {
  return message.startsWith(`${name}:`) ? message : `${name}: ${message}`;
}

/** A thrown error that is not Confluence's 429: a user-facing AppError says what happened; anything else is a bug, told without its internals. */
function failureOf(error: unknown, planned: PlannedAction): ActionOutcome {
  if (error instanceof AppError) return { ok: false, message: error.message };
  console.error(`workflow action ${planned.index} (${planned.action.type}) failed unexpectedly`, error);
  return { ok: false, message: 'it stopped on an unexpected error in ApprovalFlow, and may be partly done. The other actions ran; if this happens again, tell your Confluence administrator.' };
}

function resultOf(planned: PlannedAction, outcome: ActionOutcome): ActionRunResult {
  const name = actionName(planned.action);
  return { index: planned.index, action: name, ok: outcome.ok, message: named(name, outcome.message) };
}

/**
 * The run as `prepare` builds it; when the page cannot be read any more (deleted, or hidden from
 * the app) every action fails with that reason rather than the job failing for a day.
 */
async function prepareOrRefuse(prepare: () => Promise<ActionRun>): Promise<{ ok: true; run: ActionRun } | { ok: false; message: string }> {
  try {
    return { ok: true, run: await prepare() };
  } catch (error) {
    if (!(error instanceof AppError) || error instanceof ConfluenceBusyError) throw error;
    return { ok: false, message: `it did not run: ${error.message}` };
  }
}

/**
 * One action, authorised and carried out. Confluence rate limiting is waited out while the window
 * allows; past it the ConfluenceBusyError propagates and the queue redelivers the job later.
 */
async function runOne(run: ActionRun, planned: PlannedAction, window: RunWindow): Promise<ActionRunResult> {
  const execute = executorFor(planned.action);
  for (;;) {
    try {
      const grant = await checkActionGrant(run, planned.action);
      const outcome: ActionOutcome = grant.allowed ? await execute(run) : { ok: false, message: grant.message };
      return resultOf(planned, outcome);
    } catch (error) {
      if (error instanceof ConfluenceBusyError) {
        if (await waitToRetry(error.retryAfterSeconds, window.waitUntil)) continue;
        throw error;
      }
      return resultOf(planned, failureOf(error, planned));
    }
  }
}

/**
 * Runs the actions of `entry` unless the run is finished already. `prepare` builds the run (the
 * variables and space variables as they are now) and is called only when there is work to do, so
 * a redelivered job costs one storage read per finished run.
 */
export async function runStateActions(entry: StateEntry, window: RunWindow, prepare: () => Promise<ActionRun>): Promise<void> {
  const phases = planActions(entry.workflow.actions, entry.state);
  if (phases.every((phase) => phase.length === 0)) return;
  const ledger = await ActionLedger.claim(entry.requestId, entry.revision, window.aliveUntil);
  if (ledger === null) return;
  try {
    const run = await prepareOrRefuse(prepare);
    const pending = (phase: PlannedAction[]) => phase.filter((planned) => !ledger.finished(planned.index));
    const [removals, parallel, publishing] = phases.map(pending);
    const runAndRecord = async (planned: PlannedAction) =>
      ledger.record(run.ok ? await runOne(run.run, planned, window) : resultOf(planned, { ok: false, message: run.message }));
    for (const planned of removals) await runAndRecord(planned);
    // Every action of phase 2 is recorded (or handed back) before a failure of one propagates.
    const settled = await Promise.allSettled(parallel.map(runAndRecord));
    const thrown = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (thrown !== undefined) throw thrown.reason;
    if (publishing.length > 0) {
      // The copy must carry what phase 2 set (labels, title), once Confluence shows it everywhere.
      if (run.ok) await settle(PUBLISH_SETTLE_MS);
      for (const planned of publishing) await runAndRecord(planned);
    }
    const entryOfRun = actionsAuditEntry(
      {
        requestId: entry.requestId,
        revision: entry.revision,
        state: entry.state,
        spaceId: entry.spaceId,
        pageId: entry.pageId,
        results: ledger.results().map(({ action, ok, message }) => ({ action, ok, message })),
      },
      new Date().toISOString(),
    );
    await createAuditEntryOnce(entryOfRun);
    // This job runs in the space's lane, in chain order, so the entry joins the chain here; if
    // sealing fails, the hourly sweeper finds it unsealed.
    await sealAuditEntries([entryOfRun.key]);
    await ledger.finish();
  } catch (error) {
    await ledger.release().catch((releaseError: unknown) => console.error('could not release a workflow actions run', releaseError));
    throw error;
  }
}
