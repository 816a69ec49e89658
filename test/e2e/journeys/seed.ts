/**
 * The demo site's people and pages the journeys use, and the state a journey needs but is not
 * about, made through the app's real resolvers over HTTP as the person who would make it (a
 * space admin creates the workflow, the author submits, approvers decide). Each journey seeds
 * what it needs after `setupE2E` restored the seed, so the journeys stay independent.
 */
import { type PageApprovalView, type WorkflowDetailView, type WorkflowListView } from '../../../src/shared/contract';
import { invokeAs } from '../support/invoke';
import { type E2EServer } from '../support/sandbox-server';

export const MODULES = {
  byline: 'approval-byline',
  settings: 'approval-settings',
  queue: 'approval-queue',
  analytics: 'approval-analytics',
} as const;

export const ENG = { id: '1001', key: 'ENG' } as const;

/** Published ENG pages Alice can edit (docs/sandbox.md), with their seeded versions. */
export const PAGES = {
  releaseProcess: { id: '10020', title: 'Release Process', version: 4 },
  releaseChecklist: { id: '10021', title: 'Release Checklist', version: 3 },
  hotfixProcedure: { id: '10022', title: 'Hotfix Procedure', version: 1 },
  onboardingGuide: { id: '10030', title: 'Onboarding Guide', version: 1 },
} as const;

export const PEOPLE = {
  alice: { accountId: 'u-alice', name: 'Alice Author' },
  bob: { accountId: 'u-bob', name: 'Bob Approver' },
  dana: { accountId: 'u-dana', name: 'Dana Legal' },
  eve: { accountId: 'u-eve', name: 'Eve Legal' },
  frank: { accountId: 'u-frank', name: 'Frank Spaceadmin' },
  grace: { accountId: 'u-grace', name: 'Grace Viewer' },
} as const;

export const LEGAL_GROUP = { type: 'group', groupId: 'g-legal', name: 'legal' } as const;

export const RELEASE_WORKFLOW = 'Release sign-off';

/**
 * The two-step workflow of journey 1, as the editor sends it: step 1 "Review" (Bob, any one
 * approver), step 2 "Sign-off" (two approvals from the legal group, i.e. Dana and Eve: under "all
 * approvers" a group counts once, so any one member would do).
 */
export function releaseWorkflowInput(): Record<string, unknown> {
  return {
    name: RELEASE_WORKFLOW,
    description: 'Engineering review, then legal sign-off.',
    owners: [PEOPLE.frank.accountId],
    steps: [
      { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: PEOPLE.bob.accountId }], rule: { kind: 'any' }, rejectionsToFail: 1 },
      { id: 'sign-off', name: 'Sign-off', approvers: [LEGAL_GROUP], rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 1 },
    ],
    options: { selfApproval: false, autoSubmitOnEdit: false, validityDays: null, onEditDuringReview: 'keep' },
  };
}

const spaceContext = { space: ENG };
const pageContext = (pageId: string) => ({ space: ENG, content: { id: pageId, type: 'page' as const } });

/** Frank creates the release workflow in the space settings and makes it the ENG default; resolves with its id. */
export async function seedReleaseWorkflow(server: E2EServer): Promise<string> {
  const created = await invokeAs<WorkflowDetailView>(server, PEOPLE.frank.accountId, MODULES.settings, 'createWorkflow', { workflow: releaseWorkflowInput() }, spaceContext);
  const list = await invokeAs<WorkflowListView>(server, PEOPLE.frank.accountId, MODULES.settings, 'setDefaultWorkflow', { workflowId: created.workflow.id }, spaceContext);
  if (list.defaultWorkflowId !== created.workflow.id) throw new Error(`The default workflow is ${String(list.defaultWorkflowId)}, not ${created.workflow.id}`);
  return created.workflow.id;
}

export function pageApproval(server: E2EServer, accountId: string, pageId: string): Promise<PageApprovalView> {
  return invokeAs<PageApprovalView>(server, accountId, MODULES.byline, 'getPageApproval', {}, pageContext(pageId));
}

/** The author submits the page's current version from its byline (with the only workflow that applies). */
export function submit(server: E2EServer, accountId: string, pageId: string, comment?: string): Promise<PageApprovalView> {
  return invokeAs<PageApprovalView>(server, accountId, MODULES.byline, 'submit', comment === undefined ? {} : { comment }, pageContext(pageId));
}

/** An approver decides on the step the page's request is at now, as the byline dialog does. */
export async function decide(server: E2EServer, accountId: string, pageId: string, decision: 'approve' | 'reject', comment?: string): Promise<PageApprovalView> {
  const { request } = await pageApproval(server, accountId, pageId);
  if (request === null) throw new Error(`Page ${pageId} has no request to ${decision}`);
  const payload = { requestId: request.id, stepIndex: request.currentStepIndex, ...(comment === undefined ? {} : { comment }) };
  return invokeAs<PageApprovalView>(server, accountId, MODULES.byline, decision, payload, pageContext(pageId));
}

export async function withdraw(server: E2EServer, accountId: string, pageId: string): Promise<PageApprovalView> {
  const { request } = await pageApproval(server, accountId, pageId);
  if (request === null) throw new Error(`Page ${pageId} has no request to withdraw`);
  return invokeAs<PageApprovalView>(server, accountId, MODULES.byline, 'withdraw', { requestId: request.id }, pageContext(pageId));
}
