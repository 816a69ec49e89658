/**
 * Every id a payload or a module's context carries is checked against its kind's alphabet: ids
 * that could never be one (`req/1`, `prüfung`, `a+b`, control characters, a path) are VALIDATION
 * with a message naming the field, and nothing is read or written with them; a well-formed id
 * that names nothing is NOT_FOUND.
 */
import { MODULES, type TestApp, refused, SPACES, startApp } from '../support/app';

const BAD_IDS = ['req/1', 'prüfung', 'a+b', 'a\u0000b', 'line\nbreak', '../spaces/1002', '', ' '];

type Case = [name: string, moduleKey: string, functionKey: string, payload: (id: string) => unknown, field: string];

const CASES: Case[] = [
  ['approve requestId', MODULES.byline, 'approve', (id) => ({ requestId: id, stepIndex: 0 }), 'requestId'],
  ['reject requestId', MODULES.byline, 'reject', (id) => ({ requestId: id, stepIndex: 0, comment: 'No' }), 'requestId'],
  ['withdraw requestId', MODULES.byline, 'withdraw', (id) => ({ requestId: id }), 'requestId'],
  ['submit workflowId', MODULES.byline, 'submit', (id) => ({ workflowId: id }), 'workflowId'],
  ['getWorkflow workflowId', MODULES.settings, 'getWorkflow', (id) => ({ workflowId: id }), 'workflowId'],
  ['deleteWorkflow workflowId', MODULES.settings, 'deleteWorkflow', (id) => ({ workflowId: id }), 'workflowId'],
  ['setWorkflowEnabled workflowId', MODULES.settings, 'setWorkflowEnabled', (id) => ({ workflowId: id, enabled: false }), 'workflowId'],
  ['setDefaultWorkflow workflowId', MODULES.settings, 'setDefaultWorkflow', (id) => ({ workflowId: id }), 'workflowId'],
  ['listWorkflows changed', MODULES.settings, 'listWorkflows', (id) => ({ changed: [id] }), 'changed.0'],
  ['assignWorkflow pageId', MODULES.settings, 'assignWorkflow', (id) => ({ pageId: id, workflowIds: [], scope: 'page' }), 'pageId'],
  ['assignWorkflow workflowIds', MODULES.settings, 'assignWorkflow', (id) => ({ pageId: '10020', workflowIds: [id], scope: 'page' }), 'workflowIds.0'],
  ['getTreeLevel parent.id', MODULES.settings, 'getTreeLevel', (id) => ({ parent: { type: 'page', id } }), 'parent.id'],
  ['getTreeLevel folder id', MODULES.settings, 'getTreeLevel', (id) => ({ parent: { type: 'folder', id } }), 'parent.id'],
  ['submitPage pageId', MODULES.settings, 'submitPage', (id) => ({ pageId: id }), 'pageId'],
  ['overridePageStatus pageId', MODULES.settings, 'overridePageStatus', (id) => ({ pageId: id, targetStatus: 'draft', reason: 'Reset' }), 'pageId'],
  ['bulkDecide items', MODULES.queue, 'bulkDecide', (id) => ({ decision: 'approve', items: [{ requestId: id, stepIndex: 0 }] }), 'items.0.requestId'],
  ['listQueue workflow filter', MODULES.queue, 'listQueue', (id) => ({ tab: 'pending', filters: { workflowId: id } }), 'filters.workflowId'],
  ['analytics workflowIds', MODULES.analytics, 'getAnalytics', (id) => ({ from: '2026-01-01', to: '2026-01-31', workflowIds: [id] }), 'workflowIds.0'],
  ['analytics spaceIds', MODULES.analytics, 'getAnalytics', (id) => ({ from: '2026-01-01', to: '2026-01-31', spaceIds: [id] }), 'spaceIds.0'],
];

describe('ids in payloads and contexts', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
    await app.createWorkflow({ steps: [{ id: 's1', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
  });
  afterAll(() => app.close());

  const contextOf = (moduleKey: string): Record<string, unknown> =>
    moduleKey === MODULES.byline ? app.pageContext('10020') : moduleKey === MODULES.analytics ? {} : app.spaceContext('ENG');

  it.each(CASES.flatMap(([name, moduleKey, functionKey, payload, field]) => BAD_IDS.map((id) => [name, JSON.stringify(id), moduleKey, functionKey, payload(id), field] as const)))(
    '%s %s is VALIDATION',
    async (_name, _shown, moduleKey, functionKey, payload, field) => {
      const before = app.appState();
      const error = refused(await app.as('u-frank').invoke(moduleKey, functionKey, payload, contextOf(moduleKey)));
      expect(error.code).toBe('VALIDATION');
      expect(error.message.startsWith(`${field}: `)).toBe(true);
      expect(app.appState()).toEqual(before);
    },
  );

  it.each([
    ['a page', MODULES.byline, 'getPageApproval', { content: { id: '../spaces/1002', type: 'page' }, space: { ...SPACES.ENG } }],
    ['a page with a control character', MODULES.byline, 'getPageApproval', { content: { id: '10020\u0000', type: 'page' }, space: { ...SPACES.ENG } }],
    ['a space', MODULES.settings, 'listWorkflows', { space: { id: '../spaces/1002', key: 'ENG' } }],
    ['a queue space', MODULES.queue, 'listQueue', { space: { id: 'prüfung', key: 'ENG' } }],
  ])('a context naming %s outside the id alphabet is VALIDATION', async (_what, moduleKey, functionKey, context) => {
    const before = app.appState();
    const payload = functionKey === 'listQueue' ? { tab: 'pending' } : {};
    const error = refused(await app.as('u-frank').invoke(moduleKey, functionKey, payload, context));
    expect(error).toEqual({ code: 'VALIDATION', message: expect.stringMatching(/is not a Confluence (page|space)\. Reload the page\.$/) });
    expect(app.appState()).toEqual(before);
  });

  it.each([
    ['approve', MODULES.byline, 'approve', { requestId: '0b3f6a52-7c1e-4c43-9f0e-1d2a3b4c5d6e', stepIndex: 0 }],
    ['getWorkflow', MODULES.settings, 'getWorkflow', { workflowId: '0b3f6a52-7c1e-4c43-9f0e-1d2a3b4c5d6e' }],
    ['submitPage', MODULES.settings, 'submitPage', { pageId: '999999999' }],
  ])('%s with a well-formed id that names nothing is NOT_FOUND', async (_name, moduleKey, functionKey, payload) => {
    const before = app.appState();
    const error = refused(await app.as('u-frank').invoke(moduleKey, functionKey, payload, contextOf(moduleKey)));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.message.length).toBeGreaterThan(10);
    expect(app.appState()).toEqual(before);
  });
});
