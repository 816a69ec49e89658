/**
 * Which workflows publish to a space variable: shown beside each variable, so an admin renaming
 * or removing one knows whose publish actions will report a missing target at their next run.
 */
import { ACTION_STATES, type Workflow } from '../shared/workflow';

export function publishesToVariable(workflow: Pick<Workflow, 'actions'>, name: string): boolean {
  const wanted = name.toLowerCase();
  return ACTION_STATES.some((state) =>
    workflow.actions[state].some((action) => action.type === 'publish' && action.target.type === 'variable' && action.target.name.toLowerCase() === wanted),
  );
}

/** The names of the workflows publishing to each variable, in the workflows' order. */
export function variableUse(variableNames: readonly string[], workflows: readonly Pick<Workflow, 'name' | 'actions'>[]): Record<string, string[]> {
  return Object.fromEntries(variableNames.map((name) => [name, workflows.filter((workflow) => publishesToVariable(workflow, name)).map((workflow) => workflow.name)]));
}
