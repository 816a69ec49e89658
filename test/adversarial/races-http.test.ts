/**
 * A race over the sandbox server's HTTP surface, as a black-box prober runs it: 25 people and a
 * group added through `POST /__sandbox/users` and `/__sandbox/groups`, the workflow set up and
 * the decisions made through `POST /__sandbox/invoke`, the audit read back through the export.
 * Storage lags as under `npm start`. The exported events, replayed, give the stored request.
 */
import { type DomainEvent } from '../../src/domain/events';
import { replayAll } from './support/replay-all';
import { type AuditExportView } from '../../src/shared/contract/audit';
import { type PageApprovalView } from '../../src/shared/contract/byline';
import { type Workflow } from '../../src/shared/workflow';
import { type RunningServer, startServer } from '../../sandbox/server';
import { APP_ROOT } from '../integration/support/app';
import { requestsOfPage } from './support/race-audit';

const PAGE = '10020';
const PAGE_CONTEXT = { content: { id: PAGE, type: 'page' }, space: { id: '1001', key: 'ENG' } };
const SPACE_CONTEXT = { space: { id: '1001', key: 'ENG' } };
/** As `npm start` runs it (sandbox/server.ts). */
const INDEX_LAG_MS = 1000;

let server: RunningServer;

beforeEach(async () => {
  server = await startServer({ appRoot: APP_ROOT, port: 0, storage: { indexLagMs: INDEX_LAG_MS } });
});
afterEach(async () => server.close());

async function call<T>(method: string, path: string, json?: unknown): Promise<{ status: number; body: T }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    ...(json === undefined ? {} : { body: JSON.stringify(json), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
}

type Answer<T> = T | { error: { code: string; message: string } };

async function invoke<T>(moduleKey: string, functionKey: string, accountId: string, payload: unknown, context: unknown): Promise<Answer<T>> {
  const { status, body } = await call<Answer<T>>('POST', '/__sandbox/invoke', { moduleKey, functionKey, accountId, payload, context });
  expect(status).toBe(200);
  return body;
}

function value<T>(answer: Answer<T>): T {
  if (typeof answer === 'object' && answer !== null && 'error' in answer) throw new Error(`expected success, got ${answer.error.code}: ${answer.error.message}`);
  return answer;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('25 members of a group deciding at once over HTTP on an at-least-20 step: 20 recorded, one advance, the export explains it', async () => {
  expect((await call('POST', '/__sandbox/groups', { id: 'g-race-board', name: 'race-board' })).status).toBe(201);
  const members: string[] = [];
  for (let i = 1; i <= 25; i += 1) {
    const accountId = `u-http-${String(i).padStart(2, '0')}`;
    const added = await call('POST', '/__sandbox/users', { accountId, displayName: `Board member ${i}`, groups: ['confluence-users', 'race-board'] });
    expect(added.status).toBe(201);
    members.push(accountId);
  }

  const created = value(
    await invoke<{ workflow: Workflow }>('approval-settings', 'createWorkflow', 'u-frank', {
      workflow: {
        name: 'Board vote',
        steps: [
          { id: 'board', name: 'Board', approvers: [{ type: 'group', groupId: 'g-race-board', name: 'race-board' }], rule: { kind: 'atLeast', count: 20 } },
          { id: 'final', name: 'Final', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } },
        ],
      },
    }, SPACE_CONTEXT),
  );
  value(await invoke('approval-settings', 'setDefaultWorkflow', 'u-frank', { workflowId: created.workflow.id }, SPACE_CONTEXT));
  await pause(INDEX_LAG_MS);
  const submitted = value(await invoke<PageApprovalView>('approval-byline', 'submit', 'u-alice', {}, PAGE_CONTEXT));
  const requestId = submitted.request?.id;
  expect((await call('POST', '/__sandbox/drain')).status).toBe(200);

  const answers = await Promise.all(members.map((accountId) => invoke<PageApprovalView>('approval-byline', 'approve', accountId, { requestId, stepIndex: 0 }, PAGE_CONTEXT)));
  const refusals = answers.flatMap((answer) => ('error' in answer ? [answer.error] : []));
  expect(answers.length - refusals.length).toBe(20);
  for (const refusal of refusals) {
    expect(refusal.code).not.toBe('INTERNAL');
    expect(refusal.message).toMatch(/has moved on to step 2 of 2|already/);
  }
  expect((await call('POST', '/__sandbox/drain')).status).toBe(200);
  await pause(INDEX_LAG_MS);

  const view = value(await invoke<PageApprovalView>('approval-byline', 'getPageApproval', 'u-bob', {}, PAGE_CONTEXT));
  expect(view.request?.currentStepIndex).toBe(1);
  expect(view.actions.approve).toBe(true);

  const entries: AuditExportView['entries'] = [];
  let cursor: string | undefined;
  do {
    const page = value(await invoke<AuditExportView>('approval-settings', 'exportAudit', 'u-frank', cursor === undefined ? {} : { cursor }, SPACE_CONTEXT));
    expect(page.chainVerified).toBe(true);
    entries.push(...page.entries);
    cursor = page.cursor;
  } while (cursor !== undefined);
  const events = entries.flatMap((entry) => (entry.body?.kind === 'request' ? [entry.body.event as DomainEvent] : []));
  expect(events.filter((event) => event.type === 'decision.recorded')).toHaveLength(20);
  expect(events.filter((event) => event.type === 'step.advanced')).toHaveLength(1);
  const stored = await requestsOfPage(PAGE);
  expect(new Map(stored.map((request) => [request.id, request]))).toEqual(replayAll(events));
}, 60_000);
