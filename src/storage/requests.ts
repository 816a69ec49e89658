/**
 * Approval request rows (entity `approval-request`, key = requestId). The indexed attributes
 * are flat copies of the request's own fields, so the queue, a page's history and the expiry
 * job each find requests through one index; the request itself travels in `body`.
 */
import { kvs } from '@forge/kvs';
import { type ApprovalRequest } from '../domain/request';
import { ENTITY, INDEX, NONE, type RequestRow } from './entities';

/** The storage service's batch limit. */
const BATCH_SIZE = 25;

const requestTable = () => kvs.entity<RequestRow>(ENTITY.request);

export function requestRow(request: ApprovalRequest): RequestRow {
  return {
    spaceId: request.spaceId,
    pageId: request.pageId,
    pageVersion: request.pageVersion,
    workflowId: request.workflow.id,
    status: request.status,
    submittedBy: request.submittedBy,
    submittedAt: request.submittedAt,
    updatedAt: lastChangeOf(request),
    expiresAt: request.expiresAt ?? NONE,
    body: request,
  };
}

export function requestOf(row: RequestRow): ApprovalRequest {
  return row.body;
}

/** When the request last changed: the latest instant it records. */
function lastChangeOf(request: ApprovalRequest): string {
  const instants = [
    request.submittedAt,
    request.decidedAt,
    request.expiredAt,
    request.withdrawal?.at,
    request.override?.at,
    ...request.steps.flatMap((step) => [step.startedAt, step.completedAt, ...step.decisions.map((d) => d.at)]),
  ].filter((at): at is string => at !== undefined);
  return instants.reduce((latest, at) => (at > latest ? at : latest));
}

export async function getRequest(requestId: string): Promise<ApprovalRequest | undefined> {
  const row = await requestTable().get(requestId);
  return row === undefined ? undefined : requestOf(row);
}

/** The requests stored under these ids, one batch read per 25 ids (one round trip for a page of the queue). */
export async function getRequests(requestIds: readonly string[]): Promise<Map<string, ApprovalRequest>> {
  const unique = [...new Set(requestIds)];
  const found = new Map<string, ApprovalRequest>();
  for (let i = 0; i < unique.length; i += BATCH_SIZE) {
    const batch = unique.slice(i, i + BATCH_SIZE).map((key) => ({ key, entityName: ENTITY.request }));
    const result = await kvs.batchGet<RequestRow>(batch);
    for (const item of result.successfulKeys) found.set(item.key, requestOf(item.value));
    const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not read approval requests: ${failed.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
  }
  return found;
}

/** One page of the requests in a status, from the `by-status-expiry` index (soonest expiry first). */
export async function requestsInStatus(status: ApprovalRequest['status'], cursor: string | undefined, limit: number): Promise<{ requests: ApprovalRequest[]; cursor?: string }> {
  let query = requestTable().query().index(INDEX.request.byStatusExpiry, { partition: [status] }).limit(limit);
  if (cursor !== undefined) query = query.cursor(cursor);
  const page = await query.getMany();
  return { requests: page.results.map(({ value }) => requestOf(value)), ...(page.nextCursor === undefined ? {} : { cursor: page.nextCursor }) };
}
