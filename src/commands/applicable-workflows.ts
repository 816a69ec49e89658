/**
 * The workflows a page can be submitted with: the nearest assignment up the page tree, else the
 * space default, else every enabled workflow of the space. Ancestors are only asked for when the
 * space assigns a subtree somewhere else than on this page, and then come from the 10-minute
 * cache, so the dialog and the submission it leads to see the same choice.
 */
import { AS_APP } from '../confluence/http';
import { getAncestorIds } from '../confluence/pages';
import { resolveWorkflows } from '../domain/workflow-resolution';
import { type Workflow } from '../shared/workflow';
import { CACHE } from '../storage/permission-cache';
import { listSpaceWorkflows } from '../storage/workflows';
import { type PageContext } from './page-context';

/** Read once per invocation: a submission and the refreshed dialog after it share the answer. */
export function applicableWorkflows(context: PageContext): Promise<Workflow[]> {
  context.workflows ??= resolveForPage(context);
  return context.workflows;
}

async function resolveForPage(context: PageContext): Promise<Workflow[]> {
  const { assignments, pageId } = context;
  const inherits = Object.entries(assignments.pages).some(([assignedId, assignment]) => assignedId !== pageId && assignment.scope === 'subtree');
  const [ancestors, workflows] = await Promise.all([
    inherits ? context.cache.get(CACHE.ancestors(pageId), () => getAncestorIds(AS_APP, pageId)) : Promise.resolve([]),
    listSpaceWorkflows(context.spaceId),
  ]);
  return resolveWorkflows({
    pageId,
    ancestors,
    assignments: assignments.pages,
    spaceDefaultWorkflowId: assignments.defaultWorkflowId,
    workflows,
  }).workflows;
}
