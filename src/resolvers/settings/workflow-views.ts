/** The workflow list and detail as the settings screen shows them, for one caller. */
import { type Person } from '../../confluence/people';
import { type WorkflowDetailView, type WorkflowListView, type WorkflowSummaryView } from '../../shared/contract';
import { mayCreateWorkflows, mayManageWorkflow } from '../../domain/workflow-permissions';
import { type Workflow } from '../../shared/workflow';
import { readersBannerShown, type SpaceAssignments, workflowCreatorsOf } from '../../storage/assignments';
import { personView } from '../../commands/workflow-people';

export function summaryView(
  workflow: Workflow,
  viewer: { accountId: string; isSpaceAdmin: boolean },
  defaultWorkflowId: string | null,
  people: ReadonlyMap<string, Person>,
): WorkflowSummaryView {
  return {
    id: workflow.id,
    name: workflow.name,
    description: workflow.description,
    enabled: workflow.enabled,
    stepCount: workflow.steps.length,
    owners: workflow.owners.map((accountId) => personView(people, accountId)),
    isDefault: workflow.id === defaultWorkflowId,
    canManage: mayManageWorkflow(workflow, viewer.accountId, viewer.isSpaceAdmin),
    updatedAt: workflow.updatedAt,
  };
}

/**
 * The list in name order. A default that names a deleted workflow is shown as no default:
 * resolution ignores it too.
 */
export function listView(
  workflows: readonly Workflow[],
  viewer: { accountId: string; isSpaceAdmin: boolean },
  settings: SpaceAssignments,
  people: ReadonlyMap<string, Person>,
): WorkflowListView {
  const { defaultWorkflowId } = settings;
  const shownDefault = workflows.some((w) => w.id === defaultWorkflowId) ? defaultWorkflowId : null;
  const creators = workflowCreatorsOf(settings);
  return {
    workflows: workflows.map((w) => summaryView(w, viewer, shownDefault, people)),
    defaultWorkflowId: shownDefault,
    workflowCreators: creators,
    canCreate: mayCreateWorkflows(creators, viewer.isSpaceAdmin),
    readersBanner: readersBannerShown(settings),
    isSpaceAdmin: viewer.isSpaceAdmin,
  };
}

export function detailView(
  workflow: Workflow,
  manage: boolean,
  accountIds: readonly string[],
  people: ReadonlyMap<string, Person>,
  runningRequests: number,
): WorkflowDetailView {
  return { workflow, canManage: manage, people: accountIds.map((id) => personView(people, id)), runningRequests };
}
