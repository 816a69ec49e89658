/**
 * Which actions run when a page enters a state, in which phase, and who their variables name.
 * Phase 1 removes restrictions; phase 2 runs the rest in parallel; phase 3 publishes, once
 * phase 2 has finished (a copy must carry the labels and title phase 2 set).
 */
import { type ActionState, type GroupRef, type Principal, type WorkflowAction, type WorkflowActions } from '../shared/workflow';
import { type ApprovalRequest, type RequestStatus } from './request';

export type ActionPhase = 1 | 2 | 3;

const PHASE: Record<WorkflowAction['type'], ActionPhase> = {
  removeRestrictions: 1,
  notify: 2,
  addRestrictions: 2,
  labels: 2,
  title: 2,
  setOfficialVersion: 2,
  publish: 3,
};

/** Time the third phase waits after the second, so Confluence has settled the page's new state. */
export const PUBLISH_SETTLE_MS = 1000;

export interface PlannedAction {
  /** Position in the workflow's list for the state: identifies the action in results and job keys. */
  index: number;
  action: WorkflowAction;
}

export function actionPhase(action: WorkflowAction): ActionPhase {
  return PHASE[action.type];
}

/** The actions of a state grouped by phase, each phase keeping the configured order. */
export function planActions(actions: WorkflowActions, state: ActionState): [PlannedAction[], PlannedAction[], PlannedAction[]] {
  const planned = actions[state].map((action, index) => ({ index, action }));
  const inPhase = (phase: ActionPhase) => planned.filter((p) => actionPhase(p.action) === phase);
  return [inPhase(1), inPhase(2), inPhase(3)];
}

/** The action state a request status enters, if actions can be configured for it. */
export function actionStateOf(status: RequestStatus): ActionState | null {
  switch (status) {
    case 'inApproval':
    case 'approved':
    case 'changesRequested':
    case 'expired':
      return status;
    case 'withdrawn':
      return 'draft';
    default:
      return null;
  }
}

export interface VariableValues {
  authorId: string;
  /** Everyone who decided on the request that just ended (or is running). */
  reviewerIds: readonly string[];
  lastEditorId?: string;
  /** The workflow's owners: the people it names to answer for it. */
  ownerIds: readonly string[];
}

export function variableValues(request: ApprovalRequest, ownerIds: readonly string[], lastEditorId?: string): VariableValues {
  const reviewerIds = [...new Set(request.steps.flatMap((step) => step.decisions.map((d) => d.approverId)))];
  return { authorId: request.submittedBy, reviewerIds, ownerIds, ...(lastEditorId === undefined ? {} : { lastEditorId }) };
}

export interface ResolvedPrincipals {
  accountIds: string[];
  groups: GroupRef[];
}

/** Expands variables into people at the moment the action runs; each person and group once. */
export function resolvePrincipals(principals: readonly Principal[], values: VariableValues): ResolvedPrincipals {
  const accountIds: string[] = [];
  const groups = new Map<string, GroupRef>();
  for (const principal of principals) {
    switch (principal.type) {
      case 'user':
        accountIds.push(principal.accountId);
        break;
      case 'group':
        groups.set(principal.groupId, principal);
        break;
      case 'variable':
        if (principal.variable === '@author') accountIds.push(values.authorId);
        else if (principal.variable === '@reviewers') accountIds.push(...values.reviewerIds);
        else if (principal.variable === '@owners') accountIds.push(...values.ownerIds);
        else if (values.lastEditorId !== undefined) accountIds.push(values.lastEditorId);
        break;
    }
  }
  return { accountIds: [...new Set(accountIds)], groups: [...groups.values()] };
}
