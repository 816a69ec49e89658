import { type ApprovalRequest } from '../../../src/domain/request';
import { type QueueItemView, type QueuePageView } from '../../../src/shared/contract/queue';
import { type Workflow } from '../../../src/shared/workflow';
import { syncApproverTasks } from '../../../src/storage/tasks';
import { MODULES, type TestApp, ok, refused, startApp } from '../support/app';
import { queueRequest, storeRequests } from '../support/queue-seed';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const now = Date.now();
const ago = (ms: number) => new Date(now - ms);

describe('the approval queue lists', () => {
  let app: TestApp;
  let docs: Workflow;
  let security: Workflow;
  let requests: ApprovalRequest[];

  const list = async (accountId: string, payload: Record<string, unknown>) =>
    (await app.as(accountId).invoke(MODULES.queue, 'listQueue', payload, app.spaceContext('ENG'))) as QueuePageView;

  /** Every item of a tab, page by page, following the cursors. */
  const walk = async (accountId: string, payload: Record<string, unknown>, limit = 7): Promise<{ items: QueueItemView[]; pages: number }> => {
    const items: QueueItemView[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = ok(await list(accountId, { ...payload, limit, ...(cursor === undefined ? {} : { cursor }) }));
      expect(page.items.length).toBeLessThanOrEqual(limit);
      items.push(...page.items);
      cursor = page.cursor;
      pages += 1;
    } while (cursor !== undefined && pages < 50);
    return { items, pages };
  };

  const newestFirst = (selected: ApprovalRequest[]) =>
    [...selected].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)).map((request) => request.id);
  const byId = (id: string) => requests.find((request) => request.id === id) as ApprovalRequest;

  beforeAll(async () => {
    app = await startApp();
    docs = await app.createWorkflow({
      name: 'Docs review',
      steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' }, dueDays: 2 }],
    });
    security = await app.createWorkflow({
      name: 'Security sign-off',
      steps: [{ id: 'sign', name: 'Sign-off', approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-dana' }], rule: { kind: 'all' } }],
    });
    requests = [
      queueRequest({ id: 'r1', pageId: '10012', workflow: docs, submittedBy: 'u-alice', submittedAt: ago(5 * DAY) }),
      queueRequest({ id: 'r2', pageId: '10013', workflow: docs, submittedBy: 'u-dana', submittedAt: ago(1 * DAY) }),
      queueRequest({ id: 'r3', pageId: '10014', workflow: security, submittedBy: 'u-alice', submittedAt: ago(2 * DAY), then: [{ type: 'approve', actorId: 'u-bob' }] }),
      queueRequest({ id: 'r4', pageId: '10020', workflow: security, submittedBy: 'u-eve', submittedAt: ago(3 * HOUR) }),
      queueRequest({ id: 'r5', pageId: '10040', workflow: docs, submittedBy: 'u-alice', submittedAt: ago(4 * DAY) }),
      queueRequest({ id: 'r6', pageId: '10021', workflow: docs, submittedBy: 'u-alice', submittedAt: ago(10 * DAY), then: [{ type: 'approve', actorId: 'u-carol' }] }),
      queueRequest({ id: 'r7', pageId: '10022', workflow: security, submittedBy: 'u-dana', submittedAt: ago(8 * DAY), then: [{ type: 'reject', actorId: 'u-bob', comment: 'Threat model missing' }] }),
      queueRequest({ id: 'r8', pageId: '10030', workflow: docs, submittedBy: 'u-eve', submittedAt: ago(6 * DAY), then: [{ type: 'approve', actorId: 'u-bob' }] }),
    ];
    const pages = ['10031', '10051', '10052', '10011', '10001'];
    const submitters = ['u-alice', 'u-dana', 'u-eve'];
    for (let n = 0; n < 30; n += 1) {
      requests.push(
        queueRequest({
          id: `bulk-${n}`,
          pageId: pages[n % pages.length],
          workflow: n % 3 === 0 ? security : docs,
          submittedBy: submitters[n % submitters.length],
          submittedAt: ago((n + 0.5) * 20 * HOUR),
        }),
      );
    }
    await storeRequests(requests);
    await syncApproverTasks(requests);
  });

  afterAll(() => app.close());

  it('lists each tab newest first, page by page with cursors', async () => {
    const pending = await walk('u-bob', { tab: 'pending' });
    expect(pending.items.map((item) => item.requestId)).toEqual(newestFirst(requests.filter((r) => r.status === 'inApproval')));
    expect(pending.pages).toBeGreaterThan(1);
    const approved = await walk('u-bob', { tab: 'approved' });
    expect(approved.items.map((item) => item.requestId)).toEqual(['r8', 'r6']);
    expect(approved.items[0]).toMatchObject({ status: 'approved', step: null, canDecide: false, overdue: false, decidedAt: byId('r8').decidedAt });
    const rejected = await walk('u-bob', { tab: 'rejected' });
    expect(rejected.items.map((item) => item.requestId)).toEqual(['r7']);
  });

  it('describes an item with its page, workflow, submitter and step', async () => {
    const { items } = await walk('u-bob', { tab: 'pending' });
    expect(items.find((item) => item.requestId === 'r1')).toEqual({
      requestId: 'r1',
      pageId: '10012',
      contentType: 'page',
      url: '/wiki/spaces/ENG/pages/10012/ADR-001%3A+Build+approvals+as+a+Forge+app',
      pageTitle: 'ADR-001: Build approvals as a Forge app',
      version: 1,
      workflowId: docs.id,
      workflowName: 'Docs review',
      submittedBy: { accountId: 'u-alice', displayName: 'Alice Author' },
      submittedAt: byId('r1').submittedAt,
      status: 'inApproval',
      step: { index: 0, number: 1, count: 1, name: 'Review' },
      dueAt: byId('r1').steps[0].dueAt,
      overdue: true,
      canDecide: true,
    });
    expect(items.find((item) => item.requestId === 'r2')).toMatchObject({ overdue: false, dueAt: byId('r2').steps[0].dueAt });
    expect(items.find((item) => item.requestId === 'r4')?.dueAt).toBeUndefined();
  });

  it('filters by workflow, submitter and dates, alone and together', async () => {
    const pending = requests.filter((r) => r.status === 'inApproval');
    const ids = async (filters: Record<string, string>) => (await walk('u-bob', { tab: 'pending', filters })).items.map((item) => item.requestId);
    expect(await ids({ workflowId: security.id })).toEqual(newestFirst(pending.filter((r) => r.workflow.id === security.id)));
    expect(await ids({ submittedBy: 'u-alice' })).toEqual(newestFirst(pending.filter((r) => r.submittedBy === 'u-alice')));
    expect(await ids({ submittedBy: 'u-dana', workflowId: docs.id })).toEqual(
      newestFirst(pending.filter((r) => r.submittedBy === 'u-dana' && r.workflow.id === docs.id)),
    );
    const from = ago(12 * DAY).toISOString().slice(0, 10);
    const to = ago(3 * DAY).toISOString().slice(0, 10);
    const inDates = (r: ApprovalRequest) => r.submittedAt.slice(0, 10) >= from && r.submittedAt.slice(0, 10) <= to;
    expect(await ids({ from, to })).toEqual(newestFirst(pending.filter(inDates)));
    expect(await ids({ from, to, workflowId: docs.id })).toEqual(newestFirst(pending.filter((r) => inDates(r) && r.workflow.id === docs.id)));
    expect(await ids({ submittedBy: 'u-nobody' })).toEqual([]);
  });

  it("shows 'mine' as the open tasks of the viewer, and canDecide only for undecided approvers of the current step", async () => {
    const bobs = await walk('u-bob', { tab: 'mine' });
    const expected = requests.filter((r) => r.status === 'inApproval' && !(r.workflow.id === security.id && r.id === 'r3'));
    expect(bobs.items.map((item) => item.requestId)).toEqual(newestFirst(expected));
    expect(bobs.items.every((item) => item.canDecide)).toBe(true);

    const danas = await walk('u-dana', { tab: 'mine' });
    expect(danas.items.map((item) => item.requestId)).toEqual(newestFirst(requests.filter((r) => r.status === 'inApproval' && r.workflow.id === security.id)));

    const forBob = (await walk('u-bob', { tab: 'pending' })).items;
    expect(forBob.find((item) => item.requestId === 'r3')?.canDecide).toBe(false);
    const forCarol = (await walk('u-carol', { tab: 'pending' })).items;
    expect(forCarol.find((item) => item.requestId === 'r1')?.canDecide).toBe(true);
    expect(forCarol.find((item) => item.requestId === 'r4')?.canDecide).toBe(false);
    const forFrank = (await walk('u-frank', { tab: 'pending' })).items;
    expect(forFrank.some((item) => item.canDecide)).toBe(false);
    const mineFiltered = await walk('u-bob', { tab: 'mine', filters: { workflowId: security.id } });
    expect(mineFiltered.items.map((item) => item.requestId)).toEqual(newestFirst(expected.filter((r) => r.workflow.id === security.id)));
  });

  it('leaves out items on pages the viewer cannot see', async () => {
    const grace = (await walk('u-grace', { tab: 'pending' })).items.map((item) => item.requestId);
    expect(grace).not.toContain('r5');
    expect(grace).toContain('r1');
  });

  it('offers the space workflows as filter choices', async () => {
    const page = ok(await list('u-bob', { tab: 'approved' }));
    expect(page.workflows).toEqual([
      { id: docs.id, name: 'Docs review' },
      { id: security.id, name: 'Security sign-off' },
    ]);
  });

  it('refuses a reversed date range and a cursor from another list', async () => {
    expect(refused(await list('u-bob', { tab: 'pending', filters: { from: '2026-02-01', to: '2026-01-01' } })).code).toBe('VALIDATION');
    const first = ok(await list('u-bob', { tab: 'pending', limit: 3 }));
    const other = refused(await list('u-bob', { tab: 'pending', limit: 3, cursor: first.cursor, filters: { workflowId: docs.id } }));
    expect(other).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/first page/) });
  });

  it('needs the space of the Approvals page', async () => {
    const outside = refused(await app.as('u-bob').invoke(MODULES.queue, 'listQueue', { tab: 'pending' }, {}));
    expect(outside.code).toBe('PRECONDITION');
  });
});
