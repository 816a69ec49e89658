import { type PageEditedCommand } from '../../../src/domain/commands';
import { isOverdue, overdueSteps } from '../../../src/domain/overdue';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { T0, approve, at, expectOk, reject, run, step, submitted, user, workflow } from './fixtures';

const single = (options = {}) => workflow([step('s1', [user('bob'), user('carol')])], options);
const edited = (newVersion: number, extra: Partial<PageEditedCommand> = {}): PageEditedCommand => ({
  type: 'pageEdited',
  newVersion,
  editorId: 'erin',
  requestId: 'req-2',
  ...extra,
});

describe('withdraw', () => {
  it('lets the author withdraw a request in approval', () => {
    const result = expectOk(transition(submitted(single()), { type: 'withdraw', actorId: 'author', isAdmin: false }, at(3)));
    expect(result.request).toMatchObject({ status: 'withdrawn', withdrawal: { actorId: 'author', at: at(3), byAdmin: false }, revision: 2 });
    expect(result.events).toEqual([expect.objectContaining({ type: 'request.withdrawn', actorId: 'author', details: { byAdmin: false } })]);
  });

  it('lets a space admin withdraw somebody else\'s request, and records that an admin did', () => {
    const result = expectOk(transition(submitted(single()), { type: 'withdraw', actorId: 'admin', isAdmin: true }, at(3)));
    expect(result.request.withdrawal).toEqual({ actorId: 'admin', at: at(3), byAdmin: true });
  });

  it('refuses anyone else', () => {
    expect(transition(submitted(single()), { type: 'withdraw', actorId: 'bob', isAdmin: false }, at(3))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Only the person who submitted the page or a space admin can withdraw it' },
    });
  });

  it('is a no-op the second time, and refused once the request was decided', () => {
    const withdrawn = run(submitted(single()), [{ type: 'withdraw', actorId: 'author', isAdmin: false }]);
    const again = expectOk(transition(withdrawn, { type: 'withdraw', actorId: 'author', isAdmin: false }, at(9)));
    expect(again.events).toEqual([]);
    expect(again.request).toBe(withdrawn);
    const approved = run(submitted(single()), [approve('bob')]);
    expect(transition(approved, { type: 'withdraw', actorId: 'author', isAdmin: false }, at(9))).toEqual({
      ok: false,
      error: {
        code: 'PRECONDITION',
        message: "Only a request in approval can be withdrawn; this one is Approved. A space admin can override the page's status",
      },
    });
    expect(transition(null, { type: 'withdraw', actorId: 'author', isAdmin: false }, at(9))).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

describe('override', () => {
  const overrideTo = (targetStatus: 'draft' | 'approved' | 'changesRequested', reason = 'Signed off on paper') =>
    ({ type: 'override', actorId: 'admin', isAdmin: true, targetStatus, reason }) as const;

  it('approves a request in approval with the reason audited and the validity applied', () => {
    const result = expectOk(transition(submitted(single({ validityDays: 10 })), overrideTo('approved', '  Signed off on paper '), at(4)));
    expect(result.request).toMatchObject({
      status: 'approved',
      decidedAt: at(4),
      expiresAt: '2026-11-30T09:04:00.000Z',
      override: { actorId: 'admin', at: at(4), reason: 'Signed off on paper', fromStatus: 'inApproval', toStatus: 'approved' },
    });
    expect(result.events).toEqual([
      expect.objectContaining({
        type: 'request.overridden',
        actorId: 'admin',
        details: {
          target: 'approved',
          fromStatus: 'inApproval',
          toStatus: 'approved',
          reason: 'Signed off on paper',
          submittedAt: T0,
          expiresAt: '2026-11-30T09:04:00.000Z',
        },
      }),
    ]);
  });

  it('sends an approved page back for changes and drops its expiry', () => {
    const approved = run(submitted(single({ validityDays: 10 })), [approve('bob')]);
    const result = expectOk(transition(approved, overrideTo('changesRequested'), at(9)));
    expect(result.request).toMatchObject({ status: 'changesRequested', decidedAt: at(9) });
    expect(result.request).not.toHaveProperty('expiresAt');
  });

  it('sets a page back to Draft', () => {
    const rejected = run(submitted(single()), [reject('bob')]);
    const result = expectOk(transition(rejected, overrideTo('draft'), at(9)));
    expect(result.request).toMatchObject({ status: 'withdrawn', decidedAt: at(1), override: { fromStatus: 'changesRequested', toStatus: 'withdrawn' } });
  });

  it('renews an expired approval', () => {
    const expired = run(submitted(single({ validityDays: 1 })), [approve('bob')]);
    const afterExpiry = expectOk(transition(expired, { type: 'expire' }, '2026-11-25T00:00:00Z')).request;
    const renewed = expectOk(transition(afterExpiry, overrideTo('approved'), '2026-11-26T00:00:00Z')).request;
    expect(renewed).toMatchObject({ status: 'approved', expiresAt: '2026-11-27T00:00:00.000Z' });
    expect(renewed).not.toHaveProperty('expiredAt');
  });

  it('is for space admins only, with a reason', () => {
    const request = submitted(single());
    expect(transition(request, { ...overrideTo('approved'), isAdmin: false }, at(1))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: "Only a space admin can override a page's status" },
    });
    expect(transition(request, overrideTo('approved', '  '), at(1))).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'Give a reason for the override: it is kept in the audit trail' },
    });
    expect(transition(request, overrideTo('approved', 'x'.repeat(2001)), at(1))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(transition(request, { ...overrideTo('approved'), targetStatus: 'expired' as never }, at(1))).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('records an override to the status the request has: the page enters it again', () => {
    const approved = run(submitted(single()), [approve('bob')]);
    const again = expectOk(transition(approved, overrideTo('approved'), at(5)));
    expect(again.request.status).toBe('approved');
    expect(again.events).toMatchObject([{ type: 'request.overridden', revision: approved.revision + 1, details: { fromStatus: 'approved', toStatus: 'approved' } }]);
  });

  it('refuses to override a superseded request and a missing one', () => {
    const restarting = single({ onEditDuringReview: 'restart' });
    const superseded = expectOk(transition(submitted(restarting), edited(4), at(2))).request;
    expect(superseded.status).toBe('superseded');
    expect(transition(superseded, overrideTo('approved'), at(5))).toMatchObject({ ok: false, error: { code: 'PRECONDITION' } });
    expect(transition(null, overrideTo('approved'), at(5))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('expire', () => {
  const approvedFor = (validityDays: number | null) => run(submitted(single({ validityDays })), [approve('bob')]);

  it('expires an approval whose validity has passed', () => {
    const approved = approvedFor(7);
    expect(approved.expiresAt).toBe('2026-11-27T09:01:00.000Z');
    const result = expectOk(transition(approved, { type: 'expire' }, '2026-11-27T09:01:00.000Z'));
    expect(result.request).toMatchObject({ status: 'expired', expiredAt: '2026-11-27T09:01:00.000Z' });
    expect(result.events).toEqual([
      expect.objectContaining({ type: 'request.expired', actorId: null, details: { expiresAt: '2026-11-27T09:01:00.000Z' } }),
    ]);
    const again = expectOk(transition(result.request, { type: 'expire' }, '2026-11-28T00:00:00Z'));
    expect(again.events).toEqual([]);
  });

  it('refuses to expire early, without a validity period, or a request not approved', () => {
    expect(transition(approvedFor(7), { type: 'expire' }, '2026-11-27T09:00:59Z')).toEqual({
      ok: false,
      error: { code: 'PRECONDITION', message: 'This approval is valid until 2026-11-27T09:01:00.000Z' },
    });
    expect(transition(approvedFor(null), { type: 'expire' }, '2030-01-01T00:00:00Z')).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION', message: 'This approval has no validity period and never expires' },
    });
    expect(transition(submitted(single({ validityDays: 1 })), { type: 'expire' }, '2030-01-01T00:00:00Z')).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION', message: 'Only an approved request can expire; this one is In Approval' },
    });
    expect(transition(null, { type: 'expire' }, T0)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('page edited', () => {
  function approvedRequest(options = {}): ApprovalRequest {
    return run(submitted(single(options)), [approve('bob')]);
  }

  it('marks an approved page outdated once, leaving the approval in place', () => {
    const result = expectOk(transition(approvedRequest(), edited(4), at(10)));
    expect(result.request).toMatchObject({ status: 'approved', outdatedByVersion: 4, revision: 4 });
    expect(result.events).toEqual([
      expect.objectContaining({ type: 'page.outdated', actorId: 'erin', pageVersion: 3, details: { approvedVersion: 3, currentVersion: 4 } }),
    ]);
    expect(result.resubmission).toBeUndefined();
    const later = expectOk(transition(result.request, edited(5), at(11)));
    expect(later.events).toEqual([]);
    expect(later.request).toBe(result.request);
  });

  it('keeps the approval for an edit its option lets through, counts it, and records a repeat once', () => {
    const result = expectOk(transition(approvedRequest({ editsThatOutdate: 'exceptMinor' }), edited(4, { minorEdit: true }), at(10)));
    expect(result.events).toEqual([
      expect.objectContaining({ type: 'page.editKept', actorId: 'erin', details: { approvedVersion: 3, version: 4, reason: 'minorEdit' } }),
    ]);
    expect(result.request).toMatchObject({ status: 'approved', pageVersion: 3, coveredVersion: 4, keptEdits: 1 });
    expect(result.request.outdatedByVersion).toBeUndefined();
    expect(expectOk(transition(result.request, edited(4, { minorEdit: true }), at(11))).events).toEqual([]);
    const body = expectOk(transition(approvedRequest({ editsThatOutdate: 'bodyChanges' }), edited(4, { bodyChanged: false }), at(10)));
    expect(body.events.map((e) => e.type === 'page.editKept' && e.details.reason)).toEqual(['bodyUnchanged']);
  });

  it.each([
    ['every edit, even a minor one', { editsThatOutdate: 'every' }, { minorEdit: true, bodyChanged: false }],
    ['a minor edit under "only body changes" that changed the body', { editsThatOutdate: 'bodyChanges' }, { minorEdit: true, bodyChanged: true }],
    ['an edit whose minor flag could not be read', { editsThatOutdate: 'exceptMinor' }, {}],
    ['an edit whose body could not be compared', { editsThatOutdate: 'bodyChanges' }, {}],
  ])('outdates the approval for %s', (_, options, facts) => {
    const result = expectOk(transition(approvedRequest(options), edited(4, facts), at(10)));
    expect(result.events.map((e) => e.type)).toEqual(['page.outdated']);
  });

  it('ignores a repeated or older version (at-least-once delivery)', () => {
    const approved = approvedRequest();
    expect(expectOk(transition(approved, edited(3), at(10))).events).toEqual([]);
    expect(expectOk(transition(approved, edited(2), at(10))).events).toEqual([]);
  });

  it('submits the new version automatically when the workflow says so', () => {
    const result = expectOk(transition(approvedRequest({ autoSubmitOnEdit: true }), edited(4, { title: 'Policy (rev)' }), at(10)));
    expect(result.events.map((e) => [e.type, e.requestId])).toEqual([
      ['page.outdated', 'req-1'],
      ['request.submitted', 'req-2'],
    ]);
    expect(result.request).toMatchObject({ id: 'req-1', status: 'approved', outdatedByVersion: 4 });
    expect(result.resubmission).toMatchObject({
      id: 'req-2',
      pageVersion: 4,
      pageTitle: 'Policy (rev)',
      submittedBy: 'erin',
      trigger: 'autoSubmitOnEdit',
      status: 'inApproval',
    });
  });

  it('records why an automatic submission could not start, without failing the edit', () => {
    const wf = workflow([step('s1', [user('erin')])], { autoSubmitOnEdit: true });
    const approved = run(submitted(wf), [approve('erin')]);
    const result = expectOk(transition(approved, edited(4), at(10)));
    expect(result.resubmission).toBeUndefined();
    expect(result.events).toHaveLength(1);
    expect(result.events[0]!.details).toMatchObject({
      approvedVersion: 3,
      currentVersion: 4,
      autoSubmitError: expect.stringContaining('nobody can approve it'),
    });
  });

  it('retries the automatic submission on a later edit of an outdated page', () => {
    const wf = workflow([step('s1', [user('erin'), user('bob')])], { autoSubmitOnEdit: true });
    const approved = run(submitted(wf), [approve('bob')]);
    const outdated = expectOk(transition(approved, edited(4, { workflow: workflow(wf.steps, { autoSubmitOnEdit: false }) }), at(10)));
    expect(outdated.resubmission).toBeUndefined();
    const retried = expectOk(transition(outdated.request, edited(5, { requestId: 'req-3' }), at(11)));
    expect(retried.request).toBe(outdated.request);
    expect(retried.events.map((e) => e.type)).toEqual(['request.submitted']);
    expect(retried.resubmission).toMatchObject({ id: 'req-3', pageVersion: 5 });
  });

  it('uses the current workflow for the automatic submission when given', () => {
    const current = workflow([step('s9', [{ type: 'group', groupId: 'g', name: 'QA' }])], { autoSubmitOnEdit: true }, { revision: 7 });
    const result = expectOk(transition(approvedRequest({ autoSubmitOnEdit: true }), edited(4, { workflow: current }), at(10)));
    expect(result.resubmission?.workflow.revision).toBe(7);
    expect(result.resubmission?.steps[0]!.approverGroups).toEqual([{ groupId: 'g', name: 'QA' }]);
  });

  it('keeps reviewing the submitted version when the workflow keeps', () => {
    const request = submitted(single());
    const result = expectOk(transition(request, edited(4), at(10)));
    expect(result.events).toEqual([]);
    expect(result.request).toBe(request);
  });

  it('restarts the review on the new version when the workflow restarts', () => {
    const request = run(submitted(single({ onEditDuringReview: 'restart' })), [], 1);
    const result = expectOk(transition(request, edited(4), at(10)));
    expect(result.request).toMatchObject({ id: 'req-1', status: 'superseded', supersededBy: 'req-2' });
    expect(result.resubmission).toMatchObject({
      id: 'req-2',
      pageVersion: 4,
      supersedes: 'req-1',
      trigger: 'restartOnEdit',
      currentStepIndex: 0,
      submittedBy: 'erin',
    });
    expect(result.events.map((e) => e.type)).toEqual(['request.superseded', 'request.submitted']);
  });

  it('refuses a restart that cannot start, so the current review goes on', () => {
    const wf = workflow([step('s1', [user('erin')])], { onEditDuringReview: 'restart' });
    const request = submitted(wf);
    expect(transition(request, edited(4), at(10))).toEqual({
      ok: false,
      error: {
        code: 'PRECONDITION',
        message: expect.stringMatching(/^The review could not restart on version 4: Step 1 of 1 \(Step s1\): nobody can approve it/),
      },
    });
  });

  it('changes nothing for requests that are not in approval or approved', () => {
    const rejected = run(submitted(single({ autoSubmitOnEdit: true, onEditDuringReview: 'restart' })), [reject('bob')]);
    expect(expectOk(transition(rejected, edited(4), at(10))).events).toEqual([]);
    expect(expectOk(transition(rejected, edited(4, { byApp: true }), at(10))).events).toEqual([]);
  });

  it('carries the request over to a version the app made itself', () => {
    const approved = approvedRequest({ autoSubmitOnEdit: true });
    const result = expectOk(transition(approved, edited(4, { byApp: true }), at(10)));
    expect(result.events).toEqual([
      expect.objectContaining({ type: 'request.versionCarried', actorId: null, details: { fromVersion: 3, toVersion: 4 } }),
    ]);
    expect(result.request).toMatchObject({ status: 'approved', pageVersion: 3, coveredVersion: 4 });
    expect(result.request).not.toHaveProperty('outdatedByVersion');
    expect(result.resubmission).toBeUndefined();
    const inReview = expectOk(transition(submitted(single({ onEditDuringReview: 'restart' })), edited(4, { byApp: true }), at(10)));
    expect(inReview.request).toMatchObject({ status: 'inApproval', coveredVersion: 4 });
  });

  it('keeps an approval a person outdated outdated when the app then makes a version', () => {
    const outdated = expectOk(transition(approvedRequest(), edited(4), at(10))).request;
    expect(outdated).toMatchObject({ outdatedByVersion: 4, coveredVersion: 3 });
    const result = expectOk(transition(outdated, edited(5, { byApp: true }), at(11)));
    expect(result.events).toEqual([]);
    expect(result.request).toMatchObject({ outdatedByVersion: 4, coveredVersion: 3 });
  });

  it('refuses an invalid version or a missing request', () => {
    expect(transition(approvedRequest(), edited(0), at(10))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(transition(approvedRequest(), edited(4.5), at(10))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(transition(null, edited(4), at(10))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('overdue steps', () => {
  const wf = workflow([step('s1', [user('bob')], { dueDays: 2, name: 'Editor' }), step('s2', [user('carol')])]);

  it('flags a waiting step past its due date', () => {
    const request = submitted(wf);
    expect(overdueSteps(request, '2026-11-22T09:00:00.000Z')).toEqual([]);
    expect(isOverdue(request, '2026-11-22T09:00:00.000Z')).toBe(false);
    expect(overdueSteps(request, new Date('2026-11-22T10:30:59.000Z'))).toEqual([
      { stepIndex: 0, stepId: 's1', stepName: 'Editor', dueAt: '2026-11-22T09:00:00.000Z', overdueMinutes: 90 },
    ]);
    expect(isOverdue(request, '2026-11-23T00:00:00Z')).toBe(true);
  });

  it('does not flag completed steps, steps without due days or requests out of approval', () => {
    const inStep2 = run(submitted(wf), [approve('bob')]);
    expect(overdueSteps(inStep2, '2027-01-01T00:00:00Z')).toEqual([]);
    const withdrawn = run(submitted(wf), [{ type: 'withdraw', actorId: 'author', isAdmin: false }]);
    expect(overdueSteps(withdrawn, '2027-01-01T00:00:00Z')).toEqual([]);
  });

  it('needs a valid time', () => {
    expect(() => overdueSteps(submitted(wf), 'soon')).toThrow(RangeError);
  });
});
