/** Who may change workflows: asked by the workflow commands, and by the views to show or hide the controls. */
import { type Workflow, type WorkflowCreators } from '../shared/workflow';

/** Space admins may always create workflows; everyone else who can view the space, unless the space says admins only. */
export function mayCreateWorkflows(creators: WorkflowCreators, isSpaceAdmin: boolean): boolean {
  return isSpaceAdmin || creators === 'everyone';
}

/** Owners and space admins manage a workflow; everyone else can view it. */
export function mayManageWorkflow(workflow: Pick<Workflow, 'owners'>, accountId: string, isSpaceAdmin: boolean): boolean {
  return isSpaceAdmin || workflow.owners.includes(accountId);
}
