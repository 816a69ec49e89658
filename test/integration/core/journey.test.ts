import { type PageApprovalView } from '../../../src/shared/contract/byline';
import { ok, startApp, type TestApp } from '../support/app';

const PAGE = '10020'; // Release Process, ENG, v4, Alice edits it

describe('a page goes through a two-step workflow to Approved', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('submit → step 1 (any) → step 2 (at least 2 of a group) → Approved', async () => {
    await app.createWorkflow(
      {
        name: 'Release review',
        steps: [
          { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-heidi' }], rule: { kind: 'any' } },
          {
            id: 'signoff',
            name: 'Sign-off',
            approvers: [{ type: 'group', groupId: 'g-engineering', name: 'engineering' }],
            rule: { kind: 'atLeast', count: 2 },
          },
        ],
      },
      'default',
    );
    const alice = app.as('u-alice');
    const before = ok(await alice.byline('getPageApproval', PAGE));
    expect(before.status).toBe('draft');
    expect(before.actions).toEqual({ submit: true, resubmit: false, approve: false, reject: false, withdraw: false, override: false });
    expect(before.workflows.map((w) => w.name)).toEqual(['Release review']);

    const submitted = ok(await alice.byline('submit', PAGE, { comment: 'Please check the rollback section' }));
    expect(submitted.status).toBe('inApproval');
    expect(submitted.lozenge.text).toBe('In Approval');
    expect(submitted.request?.version).toBe(4);
    expect(submitted.actions.withdraw).toBe(true);
    expect(submitted.actions.approve).toBe(false);
    const requestId = submitted.request?.id ?? '';
    // Step 2 asks the engineering group as a group: its members are never listed.
    expect(submitted.request?.steps[1].approvers.map((a) => a.displayName)).toEqual(['engineering (any member)']);

    const bobView = ok(await app.as('u-bob').byline('getPageApproval', PAGE));
    expect(bobView.actions).toMatchObject({ approve: true, reject: true, withdraw: false, override: false });

    const step1 = ok(await app.as('u-bob').byline('approve', PAGE, { requestId, stepIndex: 0, comment: 'Looks good' }));
    expect(step1.request?.currentStepIndex).toBe(1);
    expect(step1.request?.steps[0]).toMatchObject({ progress: 'done', outcome: 'approved' });
    expect(step1.request?.steps[0].approvers.find((a) => a.accountId === 'u-bob')).toMatchObject({ decision: 'approve', comment: 'Looks good' });
    expect(step1.byline.title).toBe('In approval · step 2 of 2');

    // Alice is in the engineering group but cannot approve her own page through it.
    const aliceInStep2 = ok(await alice.byline('getPageApproval', PAGE));
    expect(aliceInStep2.actions.approve).toBe(false);
    const ivanView = ok(await app.as('u-ivan').byline('getPageApproval', PAGE));
    expect(ivanView.actions).toMatchObject({ approve: true, reject: true });
    const afterBob = ok(await app.as('u-bob').byline('approve', PAGE, { requestId, stepIndex: 1 }));
    expect(afterBob.status).toBe('inApproval');
    expect(afterBob.request?.steps[1].approvers.map((a) => [a.displayName, a.decision])).toEqual([
      ['engineering (any member)', undefined],
      ['Bob Approver', 'approve'],
    ]);
    const approved: PageApprovalView = ok(await app.as('u-ivan').byline('approve', PAGE, { requestId, stepIndex: 1 }));
    expect(approved.status).toBe('approved');
    expect(approved.approvedVersion).toBe(4);
    expect(approved.byline.title).toBe('Approved v4');
    expect(approved.byline.tooltip).toContain('Bob Approver, Ivan Contractor');
    expect(approved.history.entries.map((e) => e.summary)).toEqual([
      'Version 4 was approved',
      'Ivan Contractor approved step 2 of 2 (Sign-off)',
      'Bob Approver approved step 2 of 2 (Sign-off)',
      'Step 1 of 2 (Review) is complete; step 2 of 2 (Sign-off) has started',
      'Bob Approver approved step 1 of 2 (Review)',
      'Alice Author submitted version 4 for approval (Release review)',
    ]);
    expect(approved.history.entries[5].comment).toBe('Please check the rollback section');

    const aliceAfter = ok(await alice.byline('getPageApproval', PAGE));
    expect(aliceAfter.actions).toEqual({ submit: false, resubmit: false, approve: false, reject: false, withdraw: false, override: false });

    // Once the effects have run, Confluence renders the same lozenge without calling the app.
    await app.drain();
    const { title, icon, tooltip } = approved.byline;
    expect(app.bylineProperty(PAGE)).toEqual({ title, icon, tooltip });
    // Approvers were notified in one comment thread: the submission mentions step 1's approvers,
    // replies follow the review, and the author is mentioned on the outcome.
    const site = app.site();
    const [root, ...others] = site.commentsOn(PAGE).filter((c) => c.parentCommentId === null);
    expect(others).toEqual([]);
    expect(site.mentionsIn(root.id).sort()).toEqual(['u-bob', 'u-heidi']);
    expect(JSON.stringify(root.body)).toContain('Please check the rollback section');
    const replies = site.commentsOn(PAGE).filter((c) => c.parentCommentId === root.id);
    // Step 2's group is named in the reply, not expanded into mentions of its members.
    const step2Notice = replies.find((reply) => JSON.stringify(reply.body).includes("Any member of 'engineering' can decide."));
    expect(step2Notice).toBeDefined();
    expect(site.mentionsIn(step2Notice?.id ?? '')).toEqual([]);
    expect(site.mentionsIn(replies[replies.length - 1].id)).toEqual(['u-alice']);
  });
});
