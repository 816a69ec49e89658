/**
 * Who may do what: every resolver function of the four UI modules × every kind of person, as
 * the permission matrix test runs it and as docs/permissions.md shows it (generated from this
 * table: `npm run docs:permissions`). Plain data, so the generator needs no sandbox.
 *
 * Everything happens in the seeded HR space (People & Policies, 1002) on Remote Work Policy
 * (20011), whose workflow "Policy review" has one step that Carol approves and is owned by Bob.
 */
import { type ErrorCode } from '../../src/shared/errors';

export const PERSONAS = ['viewer', 'author', 'approver', 'nonApprover', 'owner', 'spaceAdmin', 'siteAdmin', 'noAccess', 'unknown'] as const;
export type Persona = (typeof PERSONAS)[number];

export interface PersonaInfo {
  accountId: string;
  title: string;
  /** Who they are in the seeded site and in the scenes below. */
  who: string;
}

/** An account id the site has never heard of (no user, no group, no permission). */
export const UNKNOWN_ACCOUNT = 'u-unknown-7f3a';

export const PERSONA_INFO: Record<Persona, PersonaInfo> = {
  viewer: { accountId: 'u-grace', title: 'viewer', who: 'Grace: can view HR (confluence-users), cannot edit' },
  author: { accountId: 'u-alice', title: 'author', who: 'Alice: edits HR (hr-team); she submitted 20011' },
  approver: { accountId: 'u-carol', title: 'approver', who: "Carol: edits HR (hr-team); the workflow's step names her" },
  nonApprover: { accountId: 'u-eve', title: 'non-approver', who: 'Eve: edits HR (legal); named nowhere in the workflow' },
  owner: { accountId: 'u-bob', title: 'workflow owner', who: 'Bob: views HR only; owner of "Policy review"' },
  spaceAdmin: { accountId: 'u-frank', title: 'space admin', who: 'Frank: administers HR (a direct space permission)' },
  siteAdmin: { accountId: 'u-heidi', title: 'site admin', who: 'Heidi: confluence-admins, so every space permission everywhere' },
  noAccess: { accountId: 'u-ivan', title: 'no access', who: 'Ivan: a site user without any permission in HR (HR answers 404 to him)' },
  unknown: {
    accountId: UNKNOWN_ACCOUNT,
    title: 'unknown account',
    who: `\`${UNKNOWN_ACCOUNT}\`: not a user of the site; Confluence answers 401 to it, which the app reads as an expired session (FORBIDDEN)`,
  },
};

/**
 * What a call answers: `ok`, the error code of a refusal, or for a bulk decision `ok, none
 * decided` (the call answers, every item is refused and unchanged).
 */
export type Outcome = 'ok' | 'ok, none decided' | Exclude<ErrorCode, 'INTERNAL'>;

/** The state each cell starts from (a fresh demo site each time). */
export type Scene =
  /** "Policy review" is HR's default workflow; nothing submitted yet. */
  | 'workflow'
  /** As `workflow`, and HR's admins restricted workflow creation to space admins. */
  | 'adminsCreate'
  /** As `workflow`, and Alice submitted 20011: a request waits for Carol on step 1. */
  | 'submitted'
  /**
   * The step names Carol, Bob (the owner) and Frank (any one decides); Alice submitted 20011,
   * then Bob saved the workflow.
   */
  | 'editedAfterSubmission';

export const SCENE_TEXT: Record<Scene, string> = {
  workflow: 'HR\'s default workflow "Policy review" (owner Bob, one step approved by Carol); nothing submitted',
  adminsCreate: 'as above, and HR allows only space admins to create workflows',
  submitted: 'as above (anyone may create workflows), and Alice submitted 20011: the request waits for Carol',
  editedAfterSubmission:
    'the step of "Policy review" names Carol, Bob (its owner) and Frank, any one of them decides; Alice submitted 20011, then Bob saved the workflow',
};

/** Ids a scene made, for the payloads. */
export interface SceneIds {
  workflowId: string;
  requestId: string;
  /** The audit chain's head as `seq:hash`, read by the space admin after the scene. */
  pinnedHead: string;
}

export type ModuleName = 'byline' | 'settings' | 'queue' | 'analytics';

export interface MatrixRow {
  module: ModuleName;
  functionKey: string;
  /** Rows of one function that differ by scene carry a label. */
  label?: string;
  scene: Scene;
  /** The payload, in words, for the document. */
  call: string;
  /** Why a cell answers as it does, where the table alone would surprise. */
  note?: string;
  payload(ids: SceneIds): unknown;
  expect: Record<Persona, Outcome>;
}

/** Builds an expectation row: everyone `base`, with the named exceptions. */
function all(base: Outcome, exceptions: Partial<Record<Persona, Outcome>> = {}): Record<Persona, Outcome> {
  return Object.fromEntries(PERSONAS.map((persona) => [persona, exceptions[persona] ?? base])) as Record<Persona, Outcome>;
}

export const HR_PAGE = '20011';
/** Travel & Expense Policy: an HR page nobody submitted, for the manage-space Submit. */
export const HR_OTHER_PAGE = '20014';

const editorWorkflow = {
  name: 'Contract review',
  steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' } }],
};

export const MATRIX: MatrixRow[] = [
  // The byline dialog on 20011: the page comes from the context, never from the payload.
  {
    module: 'byline',
    functionKey: 'getPageApproval',
    scene: 'submitted',
    call: 'open the dialog',
    payload: () => ({}),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'submit',
    scene: 'workflow',
    call: 'submit with the default workflow',
    payload: () => ({}),
    note: "Carol is the step's only approver and may not approve her own page, so nobody could decide: the submission is refused with what to ask the workflow's owners.",
    expect: all('ok', { viewer: 'FORBIDDEN', approver: 'PRECONDITION', owner: 'FORBIDDEN', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'approve',
    scene: 'submitted',
    call: 'approve step 1',
    payload: ({ requestId }) => ({ requestId, stepIndex: 0 }),
    expect: all('FORBIDDEN', { approver: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'approve',
    label: 'an approver changed the workflow after the submission',
    scene: 'editedAfterSubmission',
    call: 'approve step 1',
    payload: ({ requestId }) => ({ requestId, stepIndex: 0 }),
    note: 'Bob is one of the approvers the request was submitted to, but he saved the workflow after the submission: nobody decides on a request whose workflow they changed since.',
    expect: all('FORBIDDEN', { approver: 'ok', spaceAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'reject',
    scene: 'submitted',
    call: 'reject step 1 with a comment',
    payload: ({ requestId }) => ({ requestId, stepIndex: 0, comment: 'Please add the equipment budget.' }),
    expect: all('FORBIDDEN', { approver: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'withdraw',
    scene: 'submitted',
    call: 'withdraw the request',
    payload: ({ requestId }) => ({ requestId }),
    expect: all('FORBIDDEN', { author: 'ok', spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'override',
    scene: 'submitted',
    call: 'force Approved with a reason',
    payload: () => ({ targetStatus: 'approved', reason: 'Signed off in the board meeting.' }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'getPageHistory',
    scene: 'submitted',
    call: "read the page's history",
    payload: () => ({}),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'byline',
    functionKey: 'getChangesSinceApproval',
    scene: 'submitted',
    call: 'see what changed since the approved version (a first review has none)',
    payload: () => ({}),
    expect: all('PRECONDITION', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  // Space settings of HR.
  {
    module: 'settings',
    functionKey: 'listWorkflows',
    scene: 'workflow',
    call: "list HR's workflows",
    payload: () => ({}),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'getWorkflow',
    scene: 'workflow',
    call: 'open "Policy review"',
    payload: ({ workflowId }) => ({ workflowId }),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'createWorkflow',
    label: 'anyone may create',
    scene: 'workflow',
    call: 'create a workflow',
    payload: () => ({ workflow: editorWorkflow }),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'createWorkflow',
    label: 'space admins only',
    scene: 'adminsCreate',
    call: 'create a workflow',
    payload: () => ({ workflow: editorWorkflow }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'updateWorkflow',
    scene: 'workflow',
    call: 'save "Policy review" with a new name',
    payload: ({ workflowId }) => ({ workflowId, revision: 0, workflow: { ...editorWorkflow, name: 'Policy review (new)', owners: ['u-bob'] } }),
    expect: all('FORBIDDEN', { owner: 'ok', spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'deleteWorkflow',
    scene: 'workflow',
    call: 'delete "Policy review"',
    payload: ({ workflowId }) => ({ workflowId }),
    expect: all('FORBIDDEN', { owner: 'ok', spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'setWorkflowEnabled',
    scene: 'workflow',
    call: 'disable "Policy review"',
    payload: ({ workflowId }) => ({ workflowId, enabled: false }),
    expect: all('FORBIDDEN', { owner: 'ok', spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'setDefaultWorkflow',
    scene: 'workflow',
    call: "clear HR's default workflow",
    payload: () => ({ workflowId: null }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'setWorkflowCreators',
    scene: 'workflow',
    call: 'allow only space admins to create workflows',
    payload: () => ({ workflowCreators: 'spaceAdmins' }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'setReadersBanner',
    scene: 'workflow',
    call: 'stop showing readers which version is approved',
    payload: () => ({ shown: false }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'assignWorkflow',
    scene: 'workflow',
    call: 'assign "Policy review" to 20014',
    payload: ({ workflowId }) => ({ pageId: HR_OTHER_PAGE, workflowIds: [workflowId], scope: 'page' }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'getTreeLevel',
    scene: 'submitted',
    call: "read the manage-space tree's root",
    payload: () => ({ parent: { type: 'space' } }),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'overridePageStatus',
    scene: 'submitted',
    call: 'force 20011 to Approved with a reason',
    payload: () => ({ pageId: HR_PAGE, targetStatus: 'approved', reason: 'Signed off in the board meeting.' }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'submitPage',
    scene: 'workflow',
    call: 'submit 20014 from manage space',
    payload: () => ({ pageId: HR_OTHER_PAGE }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'searchGroups',
    scene: 'workflow',
    call: 'search groups for "leg"',
    payload: () => ({ query: 'leg' }),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'exportAudit',
    scene: 'submitted',
    call: "export HR's audit trail",
    payload: () => ({}),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'checkPinnedHead',
    scene: 'submitted',
    call: "check the chain against the head pinned after the submission",
    payload: ({ pinnedHead }) => ({ pinnedHead }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'listSpaceVariables',
    scene: 'workflow',
    call: "list HR's space variables",
    note: "The workflow editor's publish target picker reads them, so everyone who can view the space may.",
    payload: () => ({}),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'saveSpaceVariable',
    scene: 'workflow',
    call: 'add the variable publishTarget = PUB',
    note: 'The admin must also be able to add pages in PUB (Frank administers it; confluence-admins hold every permission).',
    payload: () => ({ variable: { name: 'publishTarget', spaceKey: 'PUB' } }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'settings',
    functionKey: 'removeSpaceVariable',
    scene: 'workflow',
    call: 'remove the variable publishTarget',
    payload: () => ({ name: 'publishTarget' }),
    expect: all('FORBIDDEN', { spaceAdmin: 'ok', siteAdmin: 'ok', noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  // HR's approval queue.
  {
    module: 'queue',
    functionKey: 'listQueue',
    scene: 'submitted',
    call: 'list the pending tab',
    payload: () => ({ tab: 'pending' }),
    expect: all('ok', { noAccess: 'NOT_FOUND', unknown: 'FORBIDDEN' }),
  },
  {
    module: 'queue',
    functionKey: 'bulkDecide',
    scene: 'submitted',
    call: 'approve the waiting request in bulk',
    payload: ({ requestId }) => ({ decision: 'approve', items: [{ requestId, stepIndex: 0 }] }),
    note: 'Each item is one decision authorised on its own: a refused item is reported on its line with its reason and stays unchanged; the call itself answers.',
    expect: all('ok, none decided', { approver: 'ok' }),
  },
  // The analytics page: global, it counts only the spaces the caller can view.
  {
    module: 'analytics',
    functionKey: 'getAnalytics',
    scene: 'submitted',
    call: 'read this month',
    payload: () => ({ from: monthStart(), to: today() }),
    note: 'Analytics counts only the spaces the caller can view: HR is left out of what Ivan is shown, not refused.',
    expect: all('ok', { unknown: 'FORBIDDEN' }),
  },
  {
    module: 'analytics',
    functionKey: 'exportAnalytics',
    scene: 'submitted',
    call: 'export this month as CSV',
    payload: () => ({ from: monthStart(), to: today(), format: 'csv' }),
    expect: all('ok', { unknown: 'FORBIDDEN' }),
  },
];

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function monthStart(): string {
  return `${today().slice(0, 8)}01`;
}
