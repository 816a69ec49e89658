/**
 * Requests for queue tests and the bench, made by the domain's state machine at chosen times and
 * stored as the app stores them (request rows, 25 per batch), outside any invocation.
 */
import { kvs } from '@forge/kvs';
import { type RequestCommand } from '../../../src/domain/commands';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { type Workflow } from '../../../src/shared/workflow';
import { ENTITY } from '../../../src/storage/entities';
import { requestRow } from '../../../src/storage/requests';
import { syncApproverTasks } from '../../../src/storage/tasks';
import { SPACES, type TestApp } from './app';

const BATCH = 25;

export interface QueueRequestSpec {
  id: string;
  pageId: string;
  workflow: Workflow;
  submittedBy: string;
  submittedAt: Date;
  /** Commands after the submission, each a minute after the previous one. */
  then?: RequestCommand[];
  title?: string;
}

export function queueRequest(spec: QueueRequestSpec): ApprovalRequest {
  const page = { id: spec.pageId, spaceId: spec.workflow.spaceId, version: 1, title: spec.title ?? `Page ${spec.pageId}`, status: 'current' as const };
  const submitted = transition(
    null,
    { type: 'submit', requestId: spec.id, actorId: spec.submittedBy, page, workflow: spec.workflow },
    spec.submittedAt,
  );
  if (!submitted.ok) throw new Error(`queue seed: ${submitted.error.message}`);
  return (spec.then ?? []).reduce((request, command, index) => {
    const result = transition(request, command, new Date(spec.submittedAt.getTime() + (index + 1) * 60_000));
    if (!result.ok) throw new Error(`queue seed: ${result.error.message}`);
    return result.request;
  }, submitted.request);
}

export async function storeRequests(requests: readonly ApprovalRequest[]): Promise<void> {
  for (let i = 0; i < requests.length; i += BATCH) {
    const result = await kvs.batchSet(
      requests.slice(i, i + BATCH).map((request) => ({ key: request.id, value: requestRow(request), entityName: ENTITY.request })),
    );
    if (result.failedKeys.length > 0) throw new Error(`storing requests failed: ${JSON.stringify(result.failedKeys[0])}`);
  }
}

const HOUR = 60 * 60 * 1000;

/**
 * A busy space for budget checks: ENG with two workflows (Bob approves both) and `count` requests,
 * one an hour up to now, on 250 new pages: half approved, a fifth rejected, the rest pending
 * (with Bob's open tasks).
 */
export async function seedBusySpace(app: TestApp, count: number): Promise<{ workflows: Workflow[] }> {
  const workflows = [
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 's', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' }, dueDays: 3 }] }),
    await app.createWorkflow({ name: 'Release sign-off', steps: [{ id: 's', name: 'Sign-off', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }),
  ];
  const pageIds = Array.from({ length: 250 }, (_, i) => app.site().addPage({ spaceId: SPACES.ENG.id, title: `Busy page ${i}`, authorId: 'u-alice' }).id);
  const submitters = ['u-alice', 'u-dana', 'u-eve', 'u-ivan'];
  const start = Date.now() - count * HOUR;
  const requests: ApprovalRequest[] = [];
  for (let n = 0; n < count; n += 1) {
    const kind = n % 10;
    requests.push(
      queueRequest({
        id: `busy-${n}`,
        pageId: pageIds[n % pageIds.length],
        workflow: workflows[n % 2],
        submittedBy: submitters[n % submitters.length],
        submittedAt: new Date(start + n * HOUR),
        then: kind < 5 ? [{ type: 'approve', actorId: 'u-bob' }] : kind < 7 ? [{ type: 'reject', actorId: 'u-bob', comment: 'No' }] : [],
      }),
    );
  }
  await storeRequests(requests);
  await syncApproverTasks(requests.filter((request) => request.status === 'inApproval'));
  return { workflows };
}
