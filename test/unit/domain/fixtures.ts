/** Builders shared by the domain tests: small workflows, requests driven through `transition`. */
import { type SubmitCommand, type RequestCommand } from '../../../src/domain/commands';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { type TransitionSuccess, type TransitionResult } from '../../../src/domain/transition-result';
import { type ApproverRef, type Step, type Workflow, workflowSchema } from '../../../src/shared/workflow';

export const T0 = '2026-11-20T09:00:00.000Z';

/** An instant `minutes` after T0. */
export function at(minutes: number): string {
  return new Date(Date.parse(T0) + minutes * 60_000).toISOString();
}

export const user = (accountId: string): ApproverRef => ({ type: 'user', accountId });
export const group = (groupId: string, name = groupId): ApproverRef => ({ type: 'group', groupId, name });

export function step(id: string, approvers: ApproverRef[], extra: Partial<Step> = {}): Step {
  return { id, name: `Step ${id}`, approvers, rule: { kind: 'any' }, rejectionsToFail: 1, ...extra };
}

export function workflow(steps: Step[], options: Partial<Workflow['options']> = {}, extra: Partial<Workflow> = {}): Workflow {
  return workflowSchema.parse({
    id: 'wf-1',
    spaceId: 'space-1',
    name: 'Document review',
    description: '',
    owners: ['owner'],
    createdBy: 'owner',
    createdAt: T0,
    updatedAt: T0,
    revision: 1,
    steps,
    options,
    // Self-approval is in force only as a space admin allowed it.
    ...(options.selfApproval === true ? { selfApprovalGrant: { by: 'space-admin', at: T0 } } : {}),
    ...extra,
  });
}

export function submitCommand(wf: Workflow, overrides: Partial<SubmitCommand> = {}): SubmitCommand {
  return {
    type: 'submit',
    requestId: 'req-1',
    actorId: 'author',
    page: { id: 'page-1', spaceId: 'space-1', version: 3, title: 'Policy', status: 'current' },
    workflow: wf,
    ...overrides,
  };
}

export function expectOk(result: TransitionResult): TransitionSuccess {
  if (!result.ok) throw new Error(`expected success, got ${result.error.code}: ${result.error.message}`);
  return result;
}

export function submitted(wf: Workflow, overrides: Partial<SubmitCommand> = {}, now = T0): ApprovalRequest {
  return expectOk(transition(null, submitCommand(wf, overrides), now)).request;
}

/** Applies commands in order, each a minute after the previous one, failing on the first error. */
export function run(request: ApprovalRequest, commands: RequestCommand[], startMinute = 1): ApprovalRequest {
  return commands.reduce((current, command, index) => expectOk(transition(current, command, at(startMinute + index))).request, request);
}

export const approve = (actorId: string, comment?: string): RequestCommand => ({
  type: 'approve',
  actorId,
  ...(comment === undefined ? {} : { comment }),
});
export const reject = (actorId: string, comment = 'Please fix section 2'): RequestCommand => ({ type: 'reject', actorId, comment });

/** A decision by someone who is a member of these groups, as Confluence would say. */
export const approveAsMember = (actorId: string, actorGroupIds: string[], comment?: string): RequestCommand => ({
  type: 'approve',
  actorId,
  actorGroupIds,
  ...(comment === undefined ? {} : { comment }),
});
export const rejectAsMember = (actorId: string, actorGroupIds: string[], comment = 'Please fix section 2'): RequestCommand => ({
  type: 'reject',
  actorId,
  actorGroupIds,
  comment,
});
