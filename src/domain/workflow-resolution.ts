/**
 * Which workflows apply to a page: the nearest assignment up the page tree wins, else the space's
 * default workflow, else every enabled workflow of the space. Disabled workflows never apply.
 */
import { type Workflow } from '../shared/workflow';

export type AssignmentScope = 'page' | 'subtree';

export interface WorkflowAssignment {
  workflowIds: string[];
  /** 'page' applies to the page only; 'subtree' to the page and everything below it. */
  scope: AssignmentScope;
}

export interface WorkflowResolutionInput {
  pageId: string;
  /** The page's ancestors, root first, parent last. */
  ancestors: readonly string[];
  assignments: Readonly<Record<string, WorkflowAssignment>>;
  spaceDefaultWorkflowId?: string | null;
  /** The space's workflows; disabled ones are ignored. */
  workflows: readonly Workflow[];
}

export type WorkflowOrigin =
  | { source: 'page'; fromPageId: string }
  | { source: 'ancestor'; fromPageId: string }
  | { source: 'spaceDefault' }
  | { source: 'space' };

export interface WorkflowResolution {
  workflows: Workflow[];
  origin: WorkflowOrigin;
  /** Assigned workflows that do not apply because they are disabled or were deleted. */
  unavailableWorkflowIds: string[];
}

/**
 * An assignment is a decision about a part of the tree, so it holds even when its workflows are
 * all disabled: the page then has no workflow until an admin fixes the assignment, rather than
 * silently falling back to a workflow nobody chose for it. A space default is only a preference
 * and falls back to every enabled workflow.
 */
export function resolveWorkflows(input: WorkflowResolutionInput): WorkflowResolution {
  const enabled = new Map(input.workflows.filter((w) => w.enabled).map((w) => [w.id, w] as const));
  const assigned = nearestAssignment(input);
  if (assigned !== null) {
    const ids = [...new Set(assigned.assignment.workflowIds)];
    return {
      workflows: ids.flatMap((id) => enabled.get(id) ?? []),
      origin: assigned.origin,
      unavailableWorkflowIds: ids.filter((id) => !enabled.has(id)),
    };
  }
  const fallback = input.spaceDefaultWorkflowId == null ? undefined : enabled.get(input.spaceDefaultWorkflowId);
  if (fallback !== undefined) return { workflows: [fallback], origin: { source: 'spaceDefault' }, unavailableWorkflowIds: [] };
  return {
    workflows: [...enabled.values()],
    origin: { source: 'space' },
    unavailableWorkflowIds: input.spaceDefaultWorkflowId == null ? [] : [input.spaceDefaultWorkflowId],
  };
}

function nearestAssignment(
  input: WorkflowResolutionInput,
): { assignment: WorkflowAssignment; origin: WorkflowOrigin } | null {
  const own = assignmentOf(input, input.pageId);
  if (own !== undefined) return { assignment: own, origin: { source: 'page', fromPageId: input.pageId } };
  for (const ancestorId of [...input.ancestors].reverse()) {
    const inherited = assignmentOf(input, ancestorId);
    if (inherited?.scope === 'subtree') return { assignment: inherited, origin: { source: 'ancestor', fromPageId: ancestorId } };
  }
  return null;
}

function assignmentOf(input: WorkflowResolutionInput, pageId: string): WorkflowAssignment | undefined {
  return Object.hasOwn(input.assignments, pageId) ? input.assignments[pageId] : undefined;
}
