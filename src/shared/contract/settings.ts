/**
 * Space settings resolvers (module `approval-settings`): workflow list and editor, space
 * default, assignments, the manage-space tree and the space's audit export. The space is
 * the one in the invocation context.
 */
import { z } from 'zod';
import { type SpaceVariable, spaceVariableNameSchema, spaceVariableSchema } from '../space-variables';
import { type PageStatus } from '../status';
import { type LozengeAppearance } from '../status-colours';
import { freeText } from '../text';
import { type Workflow, type WorkflowCreators, workflowCreatorsSchema, workflowInputSchema } from '../workflow';
import { type AuditExportView, pinnedHeadSchema, type PinnedHeadCheckView } from './audit';
import { cursorSchema, overrideTargetSchema, type PersonView, requiredCommentSchema } from './common';
import { contentIdSchema, workflowIdSchema } from './ids';

export interface WorkflowSummaryView {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  stepCount: number;
  owners: PersonView[];
  isDefault: boolean;
  /** Owners and space admins manage a workflow; everyone else can view it. */
  canManage: boolean;
  updatedAt: string;
}

export interface WorkflowListView {
  workflows: WorkflowSummaryView[];
  defaultWorkflowId: string | null;
  /** Who may create workflows in this space; whoever creates one becomes its owner. */
  workflowCreators: WorkflowCreators;
  /** The viewer may create a workflow here: everyone may, unless the setting says space admins only. */
  canCreate: boolean;
  /** Page views in this space show readers the approved-version banner (docs/readers.md). */
  readersBanner: boolean;
  isSpaceAdmin: boolean;
}

/** The space's variables (named publish targets): anyone who can view the space may read them, for the workflow editor's target picker. */
export interface SpaceVariablesView {
  variables: SpaceVariable[];
  /**
   * By variable name: the workflows whose publish actions target it, read from the space's
   * workflow list (which may lag a workflow saved a moment ago): shown to warn, never to decide.
   */
  usedBy: Record<string, string[]>;
  /** Only space admins add, change and remove them. */
  canManage: boolean;
}

export interface WorkflowDetailView {
  workflow: Workflow;
  canManage: boolean;
  /** Display names of everyone the workflow names (owners, user approvers). */
  people: PersonView[];
  /** Requests still running on this workflow: it can be disabled but not deleted while > 0. */
  runningRequests: number;
}

/** The editor's payload: the space comes from the context, so it is not part of the input. */
const editorWorkflowSchema = workflowInputSchema.omit({ spaceId: true });

export type AssignmentOrigin = 'own' | 'inherited' | 'spaceDefault' | 'space' | 'none';

/** `blog`: the space's blog, the group its blog posts are listed under (Confluence keeps them out of the page tree). */
export interface TreeRowView {
  id: string;
  type: 'page' | 'folder' | 'blogpost' | 'blog';
  title: string;
  /** Folders have no approval status. */
  status: PageStatus | null;
  lozenge: { text: string; appearance: LozengeAppearance } | null;
  workflows: { id: string; name: string }[];
  origin: AssignmentOrigin;
  /** Where an inherited assignment comes from. */
  fromPageId?: string;
  ownAssignment?: { workflowIds: string[]; scope: 'page' | 'subtree' };
  /** The page was submitted at least once: only then has it a status an admin can override. */
  hasRequest: boolean;
  hasChildren: boolean;
}

export interface TreeLevelView {
  rows: TreeRowView[];
  cursor?: string;
  /** Only with the first page of the space's root level: the screen keeps it for deeper levels. */
  isSpaceAdmin?: boolean;
}

export const settingsContract = {
  listWorkflows: z.object({
    /** Workflows this screen just changed: read by key, so the list shows them as they are now (the space's index may lag). */
    changed: z.array(workflowIdSchema).max(20).default([]),
  }),
  getWorkflow: z.object({ workflowId: workflowIdSchema }),
  createWorkflow: z.object({ workflow: editorWorkflowSchema }),
  updateWorkflow: z.object({ workflowId: workflowIdSchema, revision: z.int().min(0), workflow: editorWorkflowSchema }),
  deleteWorkflow: z.object({ workflowId: workflowIdSchema }),
  setWorkflowEnabled: z.object({ workflowId: workflowIdSchema, enabled: z.boolean() }),
  setDefaultWorkflow: z.object({ workflowId: workflowIdSchema.nullable() }),
  setWorkflowCreators: z.object({ workflowCreators: workflowCreatorsSchema }),
  setReadersBanner: z.object({ shown: z.boolean({ error: 'Choose whether readers see the banner' }) }),
  assignWorkflow: z.object({
    pageId: contentIdSchema,
    /** Empty removes the page's own assignment. */
    workflowIds: z.array(workflowIdSchema).max(20, 'Assign at most 20 workflows'),
    scope: z.enum(['page', 'subtree'], { error: "Choose 'this page' or 'this page and its children'" }),
  }),
  getTreeLevel: z.object({
    parent: z.discriminatedUnion('type', [
      z.object({ type: z.literal('space') }),
      z.object({ type: z.literal('page'), id: contentIdSchema }),
      z.object({ type: z.literal('folder'), id: contentIdSchema }),
      z.object({ type: z.literal('blog') }),
    ]),
    cursor: cursorSchema,
  }),
  overridePageStatus: z.object({
    pageId: contentIdSchema,
    targetStatus: overrideTargetSchema,
    reason: requiredCommentSchema('A reason for the override'),
  }),
  submitPage: z.object({ pageId: contentIdSchema, workflowId: workflowIdSchema.optional() }),
  searchGroups: z.object({ query: freeText('A search', 100) }),
  exportAudit: z.object({ cursor: cursorSchema }),
  checkPinnedHead: z.object({ pinnedHead: pinnedHeadSchema }),
  listSpaceVariables: z.object({}),
  /** Adds a variable, or changes the one the form opened as `previousName` (it may be renamed). */
  saveSpaceVariable: z.object({ previousName: spaceVariableNameSchema.optional(), variable: spaceVariableSchema }),
  removeSpaceVariable: z.object({ name: spaceVariableNameSchema }),
} as const;

export interface SettingsResults {
  listWorkflows: WorkflowListView;
  getWorkflow: WorkflowDetailView;
  createWorkflow: WorkflowDetailView;
  updateWorkflow: WorkflowDetailView;
  deleteWorkflow: { deleted: true };
  setWorkflowEnabled: WorkflowDetailView;
  setDefaultWorkflow: WorkflowListView;
  setWorkflowCreators: WorkflowListView;
  setReadersBanner: WorkflowListView;
  assignWorkflow: TreeRowView;
  getTreeLevel: TreeLevelView;
  overridePageStatus: TreeRowView;
  submitPage: TreeRowView;
  searchGroups: { groups: { id: string; name: string }[] };
  exportAudit: AuditExportView;
  checkPinnedHead: PinnedHeadCheckView;
  listSpaceVariables: SpaceVariablesView;
  saveSpaceVariable: SpaceVariablesView;
  removeSpaceVariable: SpaceVariablesView;
}
