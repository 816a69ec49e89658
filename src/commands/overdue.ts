/**
 * Overdue steps: once a step passes its due date, one `overdue` audit entry records it (and the
 * approvers it still waits for), and the effects remind those approvers. The entry's key is the
 * request and step, and it is only ever created, never overwritten: a second run, or two runs at
 * once, record nothing new.
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { enqueueEffects } from '../effects/effects-job';
import { overdueSteps } from '../domain/overdue';
import { type ApprovalRequest } from '../domain/request';
import { isConditionFailure } from '../storage/condition-failure';
import { type AuditRow, ENTITY, NONE } from '../storage/entities';

export const overdueAuditKey = (requestId: string, stepIndex: number): string => `overdue:${requestId}:${stepIndex}`;

function overdueRow(request: ApprovalRequest, stepIndex: number, dueAt: string, at: string): AuditRow {
  const state = request.steps[stepIndex];
  const decided = new Set(state.decisions.map((d) => d.approverId));
  return {
    spaceId: request.spaceId,
    pageId: request.pageId,
    sealed: false,
    seq: 0,
    at,
    type: 'overdue',
    actorId: NONE,
    hash: NONE,
    body: { kind: 'overdue', requestId: request.id, stepIndex, dueAt, pendingApproverIds: state.eligibleApprovers.filter((id) => !decided.has(id)) },
  };
}

/** Records the request's newly overdue steps; returns the keys of the entries created. */
export async function recordOverdueSteps(request: ApprovalRequest, now: string): Promise<string[]> {
  const created: string[] = [];
  for (const step of overdueSteps(request, now)) {
    const key = overdueAuditKey(request.id, step.stepIndex);
    try {
      await kvs
        .transact()
        .set(key, overdueRow(request, step.stepIndex, step.dueAt, now), {
          entityName: ENTITY.auditEvent,
          conditions: new Filter<AuditRow>().and('sealed', FilterConditions.notExists()),
        })
        .execute();
      created.push(key);
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
  if (created.length > 0) await enqueueEffects({ spaceId: request.spaceId, pageId: request.pageId, auditKeys: created });
  return created;
}
