/**
 * The effects' last step: each event that entered a state with actions (a submission, an
 * approval, a withdrawal to Draft, an override, re-entry included) runs that state's actions from
 * the request's workflow snapshot (src/actions/run-actions.ts). A state without actions costs
 * nothing: no read, no Confluence call.
 */
import { type ActionRun } from '../actions/action-run';
import { runStateActions, type RunWindow } from '../actions/run-actions';
import { AS_APP } from '../confluence/http';
import { getPageVersion } from '../confluence/page-version';
import { getPage, type PageInfo } from '../confluence/pages';
import { getSpace } from '../confluence/spaces';
import { type DomainEvent } from '../domain/events';
import { type ApprovalRequest } from '../domain/request';
import { variableValues } from '../domain/state-actions';
import { stateEntered } from '../domain/state-entry';
import { ACTION_STATES, type ActionState, type Principal, type Workflow, type WorkflowAction, type WorkflowActions } from '../shared/workflow';
import { onlyAppVersionsSince } from '../storage/app-versions';
import { getSpaceAssignments, spaceVariablesOf } from '../storage/assignments';
import { getWorkflow } from '../storage/workflows';

/** How far back @lastEditor looks past the app's own versions: a title action adds one per run. */
const APP_VERSIONS_LOOKED_PAST = 5;

function namesLastEditor(action: WorkflowAction): boolean {
  const principals: readonly Principal[] = action.type === 'notify' ? action.recipients : action.type === 'addRestrictions' ? action.principals : [];
  return principals.some((principal) => principal.type === 'variable' && principal.variable === '@lastEditor');
}

/**
 * The person who last edited the page: the author of its latest version the app did not make
 * (a title action's version is the app's own, storage/app-versions.ts). Nobody when the app made
 * every version looked at.
 */
async function lastEditorOf(page: PageInfo): Promise<string | undefined> {
  for (let version = page.version; version > Math.max(0, page.version - APP_VERSIONS_LOOKED_PAST); version -= 1) {
    if (!(await onlyAppVersionsSince(page.id, version - 1, version))) {
      return version === page.version ? page.versionAuthorId : (await getPageVersion(AS_APP, page.id, page.type, version)).authorId;
    }
  }
  return undefined;
}

/**
 * What the run knows, read when it starts: @lastEditor is whoever last edited the page (looked up
 * only when an action names it), @owners the workflow's owners now (the snapshot's when the
 * workflow was deleted), and the space's variables as they are now.
 */
async function prepareRun(event: DomainEvent, request: ApprovalRequest, state: ActionState): Promise<ActionRun> {
  const [space, page, settings, workflowNow] = await Promise.all([
    getSpace(AS_APP, event.spaceId),
    getPage(AS_APP, event.pageId),
    getSpaceAssignments(event.spaceId),
    getWorkflow(request.workflow.id),
  ]);
  return {
    requestId: request.id,
    revision: event.revision,
    state,
    spaceId: event.spaceId,
    spaceKey: space.key,
    pageId: event.pageId,
    contentType: page.type,
    pageVersion: request.pageVersion,
    request,
    workflow: request.workflow,
    values: variableValues(request, (workflowNow ?? request.workflow).owners, request.workflow.actions[state].some(namesLastEditor) ? await lastEditorOf(page) : undefined),
    spaceVariables: spaceVariablesOf(settings),
  };
}

/** Requests submitted before a state could have actions (Draft came later) snapshot none for it. */
function withEveryState(workflow: Workflow): Workflow {
  const stored = workflow.actions as Partial<WorkflowActions> | undefined;
  const actions = Object.fromEntries(ACTION_STATES.map((state) => [state, stored?.[state] ?? []])) as WorkflowActions;
  return { ...workflow, actions };
}

/** Runs the actions of every state the events entered, one run after the other in the events' order. */
export async function runWorkflowActions(events: readonly DomainEvent[], requests: ReadonlyMap<string, ApprovalRequest>, window: RunWindow): Promise<void> {
  for (const event of events) {
    const state = stateEntered(event);
    const request = requests.get(event.requestId);
    if (state === null || request === undefined) continue;
    const workflow = withEveryState(request.workflow);
    if (workflow.actions[state].length === 0) continue;
    const entry = { requestId: request.id, revision: event.revision, state, workflow, spaceId: event.spaceId, pageId: event.pageId };
    await runStateActions(entry, window, () => prepareRun(event, { ...request, workflow }, state));
  }
}
