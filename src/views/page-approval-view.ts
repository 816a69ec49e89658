/**
 * The byline dialog's view of a page for one viewer: status, lozenge and byline text, the latest
 * request with every step and decision, the first page of history, and exactly the actions this
 * viewer may take. Built from a loaded page context, so the commands return it at no extra cost
 * beyond the history read (and the workflow list when the viewer may submit).
 */
import { verifiedOfficialVersion } from '../auth/official-version-signature';
import { allowedActions } from '../auth/roles';
import { getUserGroupIds } from '../confluence/user-groups';
import { CACHE } from '../storage/permission-cache';
import { currentGroupIds } from '../domain/approver-seat';
import { overdueSteps } from '../domain/overdue';
import { derivePageStatus } from '../domain/page-status';
import { type ApprovalRequest } from '../domain/request';
import { barredAsAuthor } from '../domain/self-approval';
import { isPublished } from '../domain/submission';
import { withheldDecision } from '../domain/withheld-decision';
import { type AllowedActions, type PageApprovalView, type WorkflowChoice } from '../shared/contract/byline';
import { LIVE_DOC_NOTICE } from '../shared/content';
import { OFFICIAL_VERSION_PROPERTY_KEY } from '../shared/official-version';
import { publishedCopyByline } from '../shared/published-copy';
import { bylineProperties } from '../shared/byline-text';
import { STATUS_LABELS } from '../shared/status';
import { lozengeAppearance } from '../shared/status-colours';
import { type Workflow } from '../shared/workflow';
import { type AuditEntry, pageHistory } from '../storage/audit';
import { namesFor } from './page-names';
import { latestApproved, type PageRecord } from '../storage/page-state';
import { applicableWorkflows } from '../commands/applicable-workflows';
import { callerIsSpaceAdmin, type PageContext } from '../commands/page-context';
import { historyView, peopleIn, stepNamesFor } from './page-history';
import { peopleInRequest, requestView } from './request-view';
import { withAppVersions } from './app-versions';
import { comparedVersions } from './what-changed';

/** Entries on the dialog's first page of history. */
const FIRST_HISTORY_PAGE = 20;

const choiceOf = (workflow: Workflow): WorkflowChoice => ({ id: workflow.id, name: workflow.name, description: workflow.description });

/**
 * Whether the viewer may decide through a group: only when the current step has groups and the
 * viewer is not already named on it or done with it, from the 10-minute cache (read with the
 * page context) or one Confluence call. A stale answer only shows or hides buttons: the decision
 * itself asks Confluence afresh.
 */
async function viewerGroups(context: PageContext, latest: ApprovalRequest | null): Promise<string[]> {
  const accountId = context.actorId;
  const stepGroups = currentGroupIds(latest);
  if (latest === null || stepGroups.length === 0) return [];
  const state = latest.steps[latest.currentStepIndex];
  if (state === undefined || state.eligibleApprovers.includes(accountId) || state.decisions.some((d) => d.approverId === accountId)) return [];
  if (barredAsAuthor(latest, accountId)) return [];
  const mine = new Set(await context.cache.get(CACHE.userGroups(accountId), () => getUserGroupIds(accountId)));
  return stepGroups.filter((groupId) => mine.has(groupId));
}

const NO_ACTIONS: AllowedActions = { submit: false, resubmit: false, approve: false, reject: false, withdraw: false, override: false };

/** `written`: audit entries committed in this invocation, shown though the history index may lag. */
export async function pageApprovalView(
  context: PageContext,
  stored: PageRecord | undefined,
  now: string,
  written: readonly AuditEntry[] = [],
): Promise<PageApprovalView> {
  const { access } = context;
  const record = await withAppVersions(stored, access.page.version, now);
  const latest = record?.latest ?? null;
  const approved = record === undefined ? null : latestApproved(record);
  const currentVersion = Math.max(access.page.version, record?.currentVersion ?? 0);
  const summary = derivePageStatus({ latest, latestApproved: approved, currentVersion });

  // Workflows are read only for someone who could submit: the dialog of a viewer or approver skips it.
  const mightSubmit = access.canEdit && isPublished(access.page) && !context.liveDoc;
  const [isSpaceAdmin, history, workflows, groupIds] = await Promise.all([
    callerIsSpaceAdmin(context),
    pageHistory(context.pageId, undefined, FIRST_HISTORY_PAGE, written),
    mightSubmit ? applicableWorkflows(context) : Promise.resolve([]),
    viewerGroups(context, latest),
  ]);
  const allowed = allowedActions(latest, { accountId: context.actorId, access, isSpaceAdmin, canSubmitWithSomeWorkflow: workflows.length > 0, groupIds, workflowEdits: context.actorWorkflowEdits });
  // A live doc can have no approval to act on; a published copy is approved through its source.
  const copyOf = record === undefined ? context.publishedFrom : undefined;
  const actions = context.liveDoc || copyOf !== undefined ? NO_ACTIONS : allowed;

  const requests = [latest, approved].filter((r): r is ApprovalRequest => r !== null);
  const people = [...requests.flatMap(peopleInRequest), ...peopleIn(history.rows)];
  const [names, steps] = await Promise.all([namesFor(context.cache, context.pageId, people), stepNamesFor(history.rows, record?.stepNames ?? {})]);
  await context.cache.flush();
  const displayName = (accountId: string) => names[accountId] ?? accountId;

  const approval = 'approval' in summary ? summary.approval : undefined;
  const officialVersion = await verifiedOfficialVersion(access.page.id, access.page.properties?.byKey[OFFICIAL_VERSION_PROPERTY_KEY]);
  return {
    page: { id: access.page.id, type: access.page.type, title: access.page.title, spaceId: access.page.spaceId, currentVersion },
    notice: context.liveDoc ? LIVE_DOC_NOTICE : null,
    publishedFrom: copyOf ?? null,
    status: summary.status,
    lozenge: copyOf === undefined ? { text: STATUS_LABELS[summary.status], appearance: lozengeAppearance(summary.status) } : { text: 'Published copy', appearance: lozengeAppearance('approved') },
    // The same byline the publish action wrote on the copy, so the dialog's byline check leaves it.
    byline: { ...(copyOf === undefined ? bylineProperties(summary, displayName) : publishedCopyByline(copyOf)), revision: record?.revision ?? 0 },
    approvedVersion: approval?.version ?? null,
    changesSinceVersion: comparedVersions(record)?.from ?? null,
    officialVersion,
    request: latest === null ? null : requestView(latest, displayName, overdueSteps(latest, now)),
    workflows: actions.submit ? workflows.map(choiceOf) : [],
    actions,
    decisionWithheld: context.liveDoc ? null : withheldDecision(latest, context.actorId, groupIds, context.actorWorkflowEdits),
    history: historyView(history, names, steps),
  };
}
