/**
 * Overdue steps: once a step passes its due date, one `overdue` audit entry records it (and the
 * approvers it still waits for), and the effects remind those approvers. The entry is keyed by the
 * request and step and only ever created, never overwritten: a second run, or two runs at once,
 * record nothing new.
 */
import { overdueSteps } from '../domain/overdue';
import { type ApprovalRequest } from '../domain/request';
import { createAuditEntryOnce } from '../storage/audit';
import { overdueAuditEntry } from '../storage/audit-rows';
import { emit } from './emit';

/** Records the request's newly overdue steps; returns the keys of the entries created. */
export async function recordOverdueSteps(request: ApprovalRequest, now: string): Promise<string[]> {
  const created: string[] = [];
  for (const step of overdueSteps(request, now)) {
    const entry = overdueAuditEntry(request, step.stepIndex, step.dueAt, now);
    if (await createAuditEntryOnce(entry)) created.push(entry.key);
  }
  await emit(request.spaceId, created, request.pageId);
  return created;
}
