/**
 * The run of a state's actions as the runner builds it, for tests that call an executor directly:
 * the request as stored, the page where Confluence has it, the variables resolved from the request.
 */
import { type ActionRun } from '../../../src/actions/action-run';
import { variableValues } from '../../../src/domain/state-actions';
import { type ActionState, type WorkflowAction, workflowActionSchema } from '../../../src/shared/workflow';
import { getRequest } from '../../../src/storage/requests';
import { SPACES, type TestApp } from './app';

export async function actionRunFor(app: TestApp, requestId: string, state: ActionState, lastEditorId?: string): Promise<ActionRun> {
  const request = await getRequest(requestId);
  if (request === undefined) throw new Error(`request ${requestId} is not stored`);
  const page = app.site().page(request.pageId);
  if (page === undefined || page.type === 'folder') throw new Error(`no page ${request.pageId}`);
  const space = Object.values(SPACES).find((candidate) => candidate.id === page.spaceId);
  if (space === undefined) throw new Error(`page ${request.pageId} is in no seeded space`);
  return {
    requestId: request.id,
    revision: request.revision,
    state,
    spaceId: space.id,
    spaceKey: space.key,
    pageId: request.pageId,
    contentType: page.type,
    pageVersion: request.pageVersion,
    request,
    workflow: request.workflow,
    values: variableValues(request, request.workflow.owners, lastEditorId),
    spaceVariables: [],
  };
}

/** An action as the workflow editor saves it (defaults filled in by the schema). */
export function workflowAction<T extends WorkflowAction['type']>(input: { type: T } & Record<string, unknown>): Extract<WorkflowAction, { type: T }> {
  return workflowActionSchema.parse(input) as Extract<WorkflowAction, { type: T }>;
}
