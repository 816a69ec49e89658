/**
 * A space's workflows over the REST API: what anyone who can view the space sees in its settings
 * list, summarised (no approvers: who approves is read per request, as the dialog shows it).
 */
import { z } from 'zod';
import { asUser } from '../confluence/http';
import { getSpaceByKey } from '../confluence/spaces';
import { spaceKeySchema } from '../shared/contract/ids';
import { getSpaceAssignments } from '../storage/assignments';
import { listSpaceWorkflows } from '../storage/workflows';
import { apiRoute, NO_BODY, NO_QUERY } from './define';

export interface WorkflowSummaryResource {
  id: string;
  name: string;
  description: string;
  enabled: boolean;
  /** The space's default workflow: it applies to every page no assignment names another for. */
  isDefault: boolean;
  steps: { name: string }[];
}

export interface SpaceWorkflowsResource {
  space: { id: string; key: string; name: string };
  workflows: WorkflowSummaryResource[];
}

export const workflowRoutes = [
  apiRoute({
    method: 'GET',
    path: '/spaces/{spaceKey}/workflows',
    params: z.object({ spaceKey: spaceKeySchema }),
    query: NO_QUERY,
    body: NO_BODY,
    handle: async ({ params }) => {
      const space = await getSpaceByKey(asUser(), params.spaceKey);
      const [workflows, assignments] = await Promise.all([listSpaceWorkflows(space.id), getSpaceAssignments(space.id)]);
      const body: SpaceWorkflowsResource = {
        space,
        workflows: workflows.map((workflow) => ({
          id: workflow.id,
          name: workflow.name,
          description: workflow.description,
          enabled: workflow.enabled,
          isDefault: workflow.id === assignments.defaultWorkflowId,
          steps: workflow.steps.map((step) => ({ name: step.name })),
        })),
      };
      return { status: 200, body };
    },
  }),
];
