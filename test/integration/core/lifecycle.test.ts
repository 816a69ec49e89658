import { kvs } from '@forge/kvs';
import { type AuditRow, ENTITY, INDEX } from '../../../src/storage/entities';
import { advanceCalendar, ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep, user } from './fixtures';

async function auditOfPage(pageId: string): Promise<{ key: string; row: AuditRow }[]> {
  const page = await kvs.entity<AuditRow>(ENTITY.auditEvent).query().index(INDEX.auditEvent.byPage, { partition: [pageId] }).limit(100).getMany();
  return page.results.map((r) => ({ key: r.key, row: r.value }));
}

describe('withdrawal, override, expiry and overdue steps', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => {
    jest.useRealTimers();
    app.close();
  });

  it('the submitter withdraws: the page is a Draft again and can be resubmitted', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    const withdrawn = ok(await app.as('u-alice').byline('withdraw', ENG_PAGE, { requestId }));
    expect(withdrawn.status).toBe('draft');
    expect(withdrawn.request?.status).toBe('withdrawn');
    expect(withdrawn.byline.tooltip).toMatch(/^Withdrawn by Alice Author on /);
    expect(withdrawn.actions).toMatchObject({ submit: true, resubmit: true, withdraw: false });
    expect(withdrawn.history.entries[0].summary).toBe('Alice Author withdrew version 4 from approval');
    const bob = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(bob.actions.approve).toBe(false);
  });

  it('the history pages back through every entry, newest first', async () => {
    await app.createWorkflow(singleStep(), 'default');
    for (let round = 0; round < 11; round += 1) {
      const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
      ok(await app.as('u-alice').byline('withdraw', ENG_PAGE, { requestId }));
    }
    const view = ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE));
    expect(view.history.entries).toHaveLength(20);
    expect(view.history.cursor).toBeDefined();
    const older = ok(await app.as('u-grace').byline('getPageHistory', ENG_PAGE, { cursor: view.history.cursor }));
    expect(older.entries.map((e) => e.summary)).toEqual([
      'Alice Author withdrew version 4 from approval',
      'Alice Author submitted version 4 for approval (Quick review)',
    ]);
    expect(older.cursor).toBeUndefined();
    const ids = [...view.history.entries, ...older.entries].map((e) => e.id);
    expect(new Set(ids).size).toBe(22);
  });

  it('a space admin withdraws someone else’s submission', async () => {
    await app.createWorkflow(singleStep(), 'default');
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    const frank = ok(await app.as('u-frank').byline('getPageApproval', ENG_PAGE));
    expect(frank.actions).toMatchObject({ withdraw: true, override: true, approve: false });
    const withdrawn = ok(await app.as('u-frank').byline('withdraw', ENG_PAGE, { requestId }));
    expect(withdrawn.history.entries[0].summary).toBe('Frank Spaceadmin withdrew version 4 from approval as a space admin');
  });

  it('a space admin overrides the status, and the audit keeps the reason', async () => {
    await app.createWorkflow(singleStep(), 'default');
    ok(await app.as('u-alice').byline('submit', ENG_PAGE));
    // Heidi administers every space through confluence-admins.
    const overridden = ok(await app.as('u-heidi').byline('override', ENG_PAGE, { targetStatus: 'approved', reason: 'Approved in the release meeting' }));
    expect(overridden.status).toBe('approved');
    expect(overridden.byline.tooltip).toMatch(/^Approved by Heidi Siteadmin \(override\) on /);
    expect(overridden.history.entries[0]).toMatchObject({
      type: 'request.overridden',
      actor: { accountId: 'u-heidi', displayName: 'Heidi Siteadmin' },
      summary: 'Heidi Siteadmin overrode the status of version 4 from In Approval to Approved: Approved in the release meeting',
    });
    await app.drain();
    const [entry] = (await auditOfPage(ENG_PAGE)).filter(({ row }) => row.type === 'request.overridden');
    expect(entry.row).toMatchObject({ actorId: 'u-heidi', sealed: true });
    expect(entry.row.body).toMatchObject({ kind: 'request', event: { details: { reason: 'Approved in the release meeting', fromStatus: 'inApproval', toStatus: 'approved' } } });
  });

  it('the daily job expires approvals past their validity', async () => {
    await app.createWorkflow(singleStep({ validityDays: 30 }), 'default');
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    const approved = ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    expect(approved.request?.expiresAt).toBeDefined();

    advanceCalendar(29);
    expect((await app.sandbox.runScheduled('daily-maintenance-trigger')).ok).toBe(true);
    expect(ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE)).status).toBe('approved');

    advanceCalendar(31);
    expect((await app.sandbox.runScheduled('daily-maintenance-trigger')).ok).toBe(true);
    await app.drain();
    const expired = ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE));
    expect(expired.status).toBe('expired');
    expect(expired.byline.title).toBe('Expired v4');
    expect(expired.history.entries[0].summary).toBe('The approval of version 4 expired');
    expect(app.bylineProperty(ENG_PAGE)?.title).toBe('Expired v4');

    // A second run finds nothing more to do.
    const entries = (await auditOfPage(ENG_PAGE)).length;
    await app.sandbox.runScheduled('daily-maintenance-trigger');
    expect(await auditOfPage(ENG_PAGE)).toHaveLength(entries);
  });

  it('the daily job records an overdue step once, naming the approvers it waits for', async () => {
    await app.createWorkflow(
      { name: 'Timed', steps: [{ id: 's', name: 'Review', approvers: [user('u-bob'), user('u-frank')], rule: { kind: 'all' }, dueDays: 2 }] },
      'default',
    );
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    ok(await app.as('u-frank').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));

    await app.sandbox.runScheduled('daily-maintenance-trigger');
    expect((await auditOfPage(ENG_PAGE)).filter(({ row }) => row.type === 'overdue')).toHaveLength(0);

    advanceCalendar(3);
    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.drain();
    const overdue = (await auditOfPage(ENG_PAGE)).filter(({ row }) => row.type === 'overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0].row.body).toMatchObject({ kind: 'overdue', requestId, stepIndex: 0, pendingApproverIds: ['u-bob'] });
    const view = ok(await app.as('u-bob').byline('getPageApproval', ENG_PAGE));
    expect(view.request?.steps[0].overdue).toBe(true);
    expect(view.history.entries[0].summary).toMatch(/^Step 1 of 1 \(Review\) is overdue \(due \d{4}-\d{2}-\d{2}\): waiting for Bob Approver$/);
  });
});
