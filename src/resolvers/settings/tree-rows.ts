/**
 * One row of the manage-space tree: a page's status from its page-state row and the workflows
 * that apply to it, resolved from the space's assignments with the ancestors its level shares.
 */
import { type TreeNode } from '../../confluence/pages';
import { resolveWorkflows, type WorkflowOrigin, type WorkflowResolution } from '../../domain/workflow-resolution';
import { type AssignmentOrigin, type TreeRowView } from '../../shared/contract';
import { STATUS_LABELS } from '../../shared/status';
import { lozengeAppearance } from '../../shared/status-colours';
import { type Workflow } from '../../shared/workflow';
import { NONE, type PageStateRow, type SpaceAssignments } from '../../storage/entities';

/** What every row of one level shares: the space's settings and the level's ancestors. */
export interface LevelContext {
  assignments: SpaceAssignments;
  workflows: readonly Workflow[];
  /** Ancestors of the level's rows, root first: the level's parent last; empty for root pages. */
  ancestors: readonly string[];
}

export type RowNode = Pick<TreeNode, 'id' | 'type' | 'title'>;

function originOf(origin: WorkflowOrigin, resolution: WorkflowResolution): { origin: AssignmentOrigin; fromPageId?: string } {
  switch (origin.source) {
    case 'page':
      return { origin: 'own' };
    case 'ancestor':
      return { origin: 'inherited', fromPageId: origin.fromPageId };
    case 'spaceDefault':
      return { origin: 'spaceDefault' };
    case 'space':
      return { origin: resolution.workflows.length === 0 ? 'none' : 'space' };
  }
}

export function treeRow(node: RowNode, state: PageStateRow | undefined, level: LevelContext): TreeRowView {
  const resolution = resolveWorkflows({
    pageId: node.id,
    ancestors: level.ancestors,
    assignments: level.assignments.pages,
    spaceDefaultWorkflowId: level.assignments.defaultWorkflowId,
    workflows: level.workflows,
  });
  const own = Object.hasOwn(level.assignments.pages, node.id) ? level.assignments.pages[node.id] : undefined;
  // Folders have no approval state; a page or blog post the app has never seen is a draft.
  const status = node.type === 'folder' ? null : (state?.status ?? 'draft');
  return {
    id: node.id,
    type: node.type,
    title: node.title,
    status,
    lozenge: status === null ? null : { text: STATUS_LABELS[status], appearance: lozengeAppearance(status) },
    workflows: resolution.workflows.map((w) => ({ id: w.id, name: w.name })),
    ...originOf(resolution.origin, resolution),
    ...(own === undefined ? {} : { ownAssignment: { workflowIds: [...own.workflowIds], scope: own.scope } }),
    hasRequest: state !== undefined && state.latestRequestId !== NONE,
    // Confluence's children listing does not say whether a child has children of its own, and
    // asking per row would break the level's call budget: every row may be expanded, and
    // expanding a leaf shows an empty level.
    // Blog posts are never parents.
    hasChildren: node.type !== 'blogpost',
  };
}

/** The row the space's blog posts are listed under, after the root pages, as Confluence's sidebar shows "Blog". */
export const BLOG_ROW: TreeRowView = {
  id: 'blog',
  type: 'blog',
  title: 'Blog posts',
  status: null,
  lozenge: null,
  workflows: [],
  origin: 'none',
  hasRequest: false,
  hasChildren: true,
};
