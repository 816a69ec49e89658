import { type TestApp, ok, startApp } from '../../integration/support/app';
import { chooseTab, openQueue, rowOf, rows, tick, titles } from './queue-screen';

describe('bulk decisions in the approval queue', () => {
  let app: TestApp;
  /** Request ids by page id. */
  const requestOf: Record<string, string> = {};

  beforeEach(async () => {
    app = await startApp();
    const reviewers = [{ type: 'user' as const, accountId: 'u-bob' }, { type: 'user' as const, accountId: 'u-carol' }];
    await app.createWorkflow({ name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: reviewers, rule: { kind: 'any' } }] }, 'default');
    await app.createWorkflow(
      { name: 'Onboarding review', steps: [{ id: 'people', name: 'People', approvers: [{ type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' } }] },
      { pageId: '10030', scope: 'page' },
    );
    for (const pageId of ['10020', '10021', '10022', '10030']) {
      const view = ok(await app.as('u-alice').byline('submit', pageId, {}));
      if (view.request === null) throw new Error(`no request after submitting ${pageId}`);
      requestOf[pageId] = view.request.id;
    }
    await app.drain();
  });

  afterEach(() => app.close());

  const bulkCalls = (screen: Awaited<ReturnType<typeof openQueue>>) => screen.invocations.filter((call) => call.functionKey === 'bulkDecide');

  it('approves the ticked items one by one, reports each, and reloads the list', async () => {
    const screen = await openQueue(app, 'u-bob');
    await screen.waitFor(() => rows(screen).length === 3);
    expect(titles(screen).sort()).toEqual(['Hotfix Procedure', 'Release Checklist', 'Release Process']);
    expect(screen.getByText('Approve selected').props.isDisabled).toBe(true);

    // While Bob looks at the list, Carol approves the checklist: that item is no longer his to decide.
    ok(await app.as('u-carol').byline('approve', '10021', { requestId: requestOf['10021'], stepIndex: 0 }));

    await tick(screen, 'Release Process');
    await tick(screen, 'Release Checklist');
    expect(screen.getByText('2 selected')).toBeDefined();
    await screen.click('Approve selected');

    const message = screen.getByType('SectionMessage');
    expect(message.props).toMatchObject({ appearance: 'warning', title: '1 item approved, 1 not' });
    const report = screen.textContent(message);
    expect(report).toContain('Approved (1)');
    expect(report).toContain('Release Process v4: Approved.');
    expect(report).toContain('Not approved (1)');
    expect(report).toContain('Release Checklist v3: This request is no longer in approval: it was approved');
    expect(bulkCalls(screen)).toHaveLength(1);

    // Both left Bob's pending list; the untouched one stays, unticked.
    await screen.waitFor(() => titles(screen).length === 1);
    expect(titles(screen)).toEqual(['Hotfix Procedure']);
    expect(screen.within(rowOf(screen, 'Hotfix Procedure')).getByType('Checkbox').props.isChecked).toBe(false);

    await chooseTab(screen, 'Approved');
    await screen.waitFor(() => titles(screen).length === 2);
    expect(titles(screen).sort()).toEqual(['Release Checklist', 'Release Process']);
    expect(screen.within(rowOf(screen, 'Release Process')).getByText('Approved').type).toBe('Lozenge');
  });

  it('asks for a comment before rejecting, then rejects every ticked item', async () => {
    const screen = await openQueue(app, 'u-bob');
    await screen.waitFor(() => rows(screen).length === 3);
    await screen.check('Select all');
    expect(screen.getByText('3 selected')).toBeDefined();
    await screen.check(screen.within(rowOf(screen, 'Release Checklist')).getByType('Checkbox'), false);
    expect(screen.getByText('2 selected')).toBeDefined();
    expect(screen.getByLabel('Select all').props.isIndeterminate).toBe(true);

    await screen.click('Reject selected');
    const modal = screen.getByType('Modal');
    expect(screen.within(modal).getByText('Reject 2 items').type).toBe('ModalTitle');
    await screen.click('Reject');
    expect(screen.getByText('A comment explaining the rejection is required').type).toBe('ErrorMessage');
    expect(screen.getByLabel(/Comment/).props.isInvalid).toBe(true);
    expect(screen.getByLabel(/Comment/).props['aria-invalid']).toBe(true);
    expect(bulkCalls(screen)).toHaveLength(0);

    await screen.type(screen.getByLabel(/Comment/), 'Add the rollback plan');
    await screen.click('Reject');
    expect(screen.queryAllByType('Modal')).toHaveLength(0);
    expect(screen.getByType('SectionMessage').props).toMatchObject({ appearance: 'success', title: '2 items rejected' });
    await screen.waitFor(() => titles(screen).length === 1);
    expect(titles(screen)).toEqual(['Release Checklist']);

    await chooseTab(screen, 'Rejected');
    await screen.waitFor(() => titles(screen).length === 2);
    expect(titles(screen).sort()).toEqual(['Hotfix Procedure', 'Release Process']);
    const history = ok(await app.as('u-bob').byline('getPageHistory', '10022', {}));
    expect(history.entries.some((entry) => entry.actor?.accountId === 'u-bob' && entry.comment === 'Add the rollback plan')).toBe(true);
  });

  it('lets an approver tick only what they can decide, and shows others no bulk actions', async () => {
    const bob = await openQueue(app, 'u-bob');
    await chooseTab(bob, 'All pending');
    await bob.waitFor(() => rows(bob).length === 4);
    expect(bob.within(rowOf(bob, 'Onboarding Guide')).queryAllByType('Checkbox')).toHaveLength(0);
    await bob.check('Select all');
    expect(bob.getByText('3 selected')).toBeDefined();

    const grace = await openQueue(app, 'u-grace');
    await grace.waitFor(() => grace.getByText(/Nothing waiting for you/));
    await chooseTab(grace, 'All pending');
    await grace.waitFor(() => rows(grace).length === 4);
    expect(grace.queryAllByType('Checkbox')).toHaveLength(0);
    expect(grace.queryByText('Approve selected')).toBeNull();
    expect(grace.queryByText('Reject selected')).toBeNull();
  });
});
