/**
 * The workflows a page can be submitted with: the nearest assignment up the page tree, else the
 * space default, else every enabled workflow of the space. Ancestors are only asked for when the
 * space assigns a subtree somewhere else than on this page, and then come from the 10-minute
 * cache, so the dialog and the submission it leads to see the same choice.
 *
 * The workflows an assignment or the default names are read by key, so an admin's change is
 * followed at once. Only the last fallback, every enabled workflow, needs the space's index,
 * which may lag writes (storage-reference/entities, "Data consistency"): a workflow created,
 * enabled or disabled a moment ago may be missing or still offered there until it catches up.
 * One storage read either way; two when the default is disabled or deleted.
 */
import { AS_APP } from '../confluence/http';
import { getAncestorIds } from '../confluence/pages';
import { resolveWorkflows } from '../domain/workflow-resolution';
import { type Workflow } from '../shared/workflow';
import { CACHE } from '../storage/permission-cache';
import { getWorkflowsByIds, listSpaceWorkflows, withCurrent } from '../storage/workflows';
import { type PageContext } from './page-context';

/** Read once per invocation: a submission and the refreshed dialog after it share the answer. */
export function applicableWorkflows(context: PageContext): Promise<Workflow[]> {
  context.workflows ??= resolveForPage(context);
  return context.workflows;
}

async function resolveForPage(context: PageContext): Promise<Workflow[]> {
  const { assignments, pageId, spaceId } = context;
  const inherits = Object.entries(assignments.pages).some(([assignedId, assignment]) => assignedId !== pageId && assignment.scope === 'subtree');
  const ancestors = inherits ? await context.cache.get(CACHE.ancestors(pageId), () => getAncestorIds(AS_APP, pageId)) : [];
  const input = { pageId, ancestors, assignments: assignments.pages, spaceDefaultWorkflowId: assignments.defaultWorkflowId };
  // Knowing no workflow, resolution names as unavailable exactly what the applying assignment,
  // or else the default, asks for: those are the ones to read.
  const named = resolveWorkflows({ ...input, workflows: [] }).unavailableWorkflowIds;
  const byKey = (await getWorkflowsByIds(named)).filter((workflow) => workflow.spaceId === spaceId);
  const resolution = resolveWorkflows({ ...input, workflows: byKey });
  if (resolution.origin.source !== 'space') return resolution.workflows;
  // No assignment applies and there is no usable default: every enabled workflow of the space.
  const listed = (await listSpaceWorkflows(spaceId)).filter((workflow) => !named.includes(workflow.id));
  return resolveWorkflows({ ...input, workflows: withCurrent(listed, byKey) }).workflows;
}
