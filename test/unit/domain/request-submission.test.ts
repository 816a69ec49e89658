import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import {
  T0,
  approve,
  at,
  expectOk,
  group,
  reject,
  run,
  step,
  submitCommand,
  submitted,
  user,
  workflow,
} from './fixtures';

const twoSteps = () =>
  workflow([
    step('s1', [user('bob'), group('g-editors', 'editors'), user('author')], { dueDays: 2 }),
    step('s2', [group('g-legal', 'legal')], { name: 'Legal' }),
  ]);


describe('submit', () => {
  it('starts a request at step 1 with its named people and its groups (never their members), a due date and a submission event', () => {
    const wf = twoSteps();
    const result = expectOk(transition(null, submitCommand(wf), T0));
    const request = result.request;
    expect(request).toEqual({
      id: 'req-1',
      pageId: 'page-1',
      spaceId: 'space-1',
      pageVersion: 3,
      coveredVersion: 3,
      pageTitle: 'Policy',
      workflow: wf,
      submittedBy: 'author',
      submittedAt: T0,
      trigger: 'manual',
      status: 'inApproval',
      currentStepIndex: 0,
      steps: [
        {
          stepId: 's1',
          eligibleApprovers: ['bob'],
          approverGroups: [{ groupId: 'g-editors', name: 'editors' }],
          decisions: [],
          startedAt: T0,
          dueAt: '2026-11-22T09:00:00.000Z',
        },
      ],
      revision: 1,
    });
    expect(result.events).toEqual([
      {
        type: 'request.submitted',
        requestId: 'req-1',
        pageId: 'page-1',
        spaceId: 'space-1',
        workflowId: 'wf-1',
        pageVersion: 3,
        actorId: 'author',
        at: T0,
        revision: 1,
        details: {
          pageTitle: 'Policy',
          submittedBy: 'author',
          trigger: 'manual',
          workflow: wf,
          firstStep: { eligibleApprovers: ['bob'], approverGroups: [{ groupId: 'g-editors', name: 'editors' }], dueAt: '2026-11-22T09:00:00.000Z' },
        },
      },
    ]);
  });

  it('accepts now as a Date', () => {
    const request = expectOk(transition(null, submitCommand(twoSteps()), new Date(T0))).request;
    expect(request.submittedAt).toBe(T0);
  });

  it('keeps a snapshot: later edits of the workflow do not change the request', () => {
    const wf = twoSteps();
    const request = submitted(wf);
    wf.steps[0]!.approvers.push(user('mallory'));
    wf.steps[1]!.approvers.push(user('mallory'));
    wf.options.selfApproval = true;
    expect(request.workflow.steps[0]!.approvers).toHaveLength(3);
    expect(request.workflow.options.selfApproval).toBe(false);
    const afterStep1 = run(request, [approve('bob')]);
    expect(afterStep1.steps[1]!.eligibleApprovers).toEqual([]);
    expect(afterStep1.steps[1]!.approverGroups).toEqual([{ groupId: 'g-legal', name: 'legal' }]);
  });

  it('includes the author among the approvers when self-approval is allowed', () => {
    const wf = workflow([step('s1', [user('author'), user('bob')])], { selfApproval: true });
    expect(submitted(wf).steps[0]!.eligibleApprovers).toEqual(['author', 'bob']);
  });

  it('refuses an unpublished page', () => {
    const result = transition(null, submitCommand(twoSteps(), { page: { id: 'page-1', spaceId: 'space-1', version: 1, title: 'x', status: 'draft' } }), T0);
    expect(result).toEqual({
      ok: false,
      error: { code: 'PRECONDITION', message: 'Only published pages can be submitted for approval: publish the page first.' },
    });
  });

  it('refuses a disabled workflow and a workflow of another space', () => {
    const disabled = workflow([step('s1', [user('bob')])], {}, { enabled: false, name: 'Old' });
    expect(transition(null, submitCommand(disabled), T0)).toEqual({
      ok: false,
      error: { code: 'PRECONDITION', message: "Workflow 'Old' is disabled and cannot be used" },
    });
    const elsewhere = workflow([step('s1', [user('bob')])], {}, { spaceId: 'space-2' });
    expect(transition(null, submitCommand(elsewhere), T0)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('refuses malformed commands', () => {
    const wf = twoSteps();
    expect(transition(null, submitCommand(wf, { requestId: ' ' }), T0)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(transition(null, submitCommand(wf, { actorId: '' }), T0)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(transition(null, submitCommand(wf), 'not a date')).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'The time of the change is not a valid date' },
    });
    expect(transition(null, submitCommand({ ...wf, steps: [] }), T0)).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: "Workflow 'Document review' has no steps" },
    });
    const existing = submitted(wf);
    expect(transition(existing, submitCommand(wf, { requestId: 'req-2' }), T0)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: expect.stringContaining('previous') },
    });
  });

  it('refuses a workflow the author alone would have to approve when self-approval is off', () => {
    const wf = workflow([step('s1', [user('author')], { name: 'Review' })]);
    expect(transition(null, submitCommand(wf), T0)).toEqual({
      ok: false,
      error: {
        code: 'PRECONDITION',
        message:
          'Step 1 of 1 (Review): nobody can approve it (the submitter cannot approve their own page in this workflow). Ask a workflow owner to add approvers',
      },
    });
  });

  it('checks every step of named people up front, so no request reaches a step they cannot complete', () => {
    const wf = workflow([
      step('s1', [user('bob')]),
      step('s2', [user('carol'), user('author')], { name: 'Legal', rule: { kind: 'atLeast', count: 2 } }),
    ]);
    expect(transition(null, submitCommand(wf), T0)).toEqual({
      ok: false,
      error: {
        code: 'PRECONDITION',
        message:
          'Step 2 of 2 (Legal): needs 2 approvals but only 1 person can approve it (the submitter cannot approve their own page in this workflow). Ask a workflow owner to add approvers',
      },
    });
  });

  it('accepts a step with a group whatever its size: members are never counted at submission', () => {
    const wf = workflow([step('s1', [user('carol'), group('g', 'legal')], { rule: { kind: 'atLeast', count: 3 } })]);
    expect(expectOk(transition(null, submitCommand(wf), T0)).request.status).toBe('inApproval');
  });

  it('names the shortfall without blaming self-approval when the author is not an approver', () => {
    const wf = workflow([step('s1', [user('bob'), user('carol')], { rule: { kind: 'atLeast', count: 3 } })]);
    expect(transition(null, submitCommand(wf), T0)).toMatchObject({
      ok: false,
      error: { message: 'Step 1 of 1 (Step s1): needs 3 approvals but only 2 people can approve it. Ask a workflow owner to add approvers' },
    });
  });
});

describe('submit with a previous request for the page', () => {
  const single = (options = {}) => workflow([step('s1', [user('bob')])], options);
  const page = (version: number) => ({ id: 'page-1', spaceId: 'space-1', version, title: `Policy v${version}`, status: 'current' as const });

  function approvedAt(version: number, options = {}): ApprovalRequest {
    return run(submitted(single(options), { page: page(version) }), [approve('bob')]);
  }

  it('refuses a second submission while a request is in approval', () => {
    const previous = submitted(single());
    expect(transition(null, submitCommand(single(), { requestId: 'req-2', previous }), at(5))).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Version 3 of this page is already in approval, at step 1 of 1 (Step s1): withdraw it before submitting again',
      },
    });
  });

  it("refuses a new version while in approval when the workflow keeps reviewing the submitted version", () => {
    const previous = submitted(single());
    const result = transition(null, submitCommand(single(), { requestId: 'req-2', previous, page: page(4) }), at(5));
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('supersedes the running request with a new version when the workflow restarts on edits', () => {
    const wf = single({ onEditDuringReview: 'restart' });
    const previous = submitted(wf);
    const result = expectOk(transition(null, submitCommand(wf, { requestId: 'req-2', previous, page: page(4) }), at(5)));
    expect(result.request).toMatchObject({ id: 'req-2', pageVersion: 4, pageTitle: 'Policy v4', supersedes: 'req-1', status: 'inApproval', revision: 1 });
    expect(result.superseded).toMatchObject({ id: 'req-1', status: 'superseded', supersededBy: 'req-2', revision: 2 });
    expect(result.events.map((e) => [e.type, e.requestId, e.revision])).toEqual([
      ['request.superseded', 'req-1', 2],
      ['request.submitted', 'req-2', 1],
    ]);
    expect(result.events[0]).toMatchObject({ actorId: 'author', details: { byRequestId: 'req-2', newVersion: 4 } });
    expect(transition(null, submitCommand(wf, { requestId: 'req-2', previous, page: page(3) }), at(5))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
  });

  it('refuses to submit an approved version again but accepts a newer one', () => {
    const previous = approvedAt(3);
    expect(transition(null, submitCommand(single(), { requestId: 'req-2', previous }), at(5))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Version 3 of this page is already approved' },
    });
    const next = expectOk(transition(null, submitCommand(single(), { requestId: 'req-2', previous, page: page(5) }), at(5)));
    expect(next.request.pageVersion).toBe(5);
    expect(next.superseded).toBeUndefined();
    expect(next.events).toHaveLength(1);
  });

  it('lets the author resubmit after changes were requested or the request was withdrawn', () => {
    const rejected = run(submitted(single()), [reject('bob')]);
    expect(transition(null, submitCommand(single(), { requestId: 'req-2', previous: rejected }), at(5)).ok).toBe(true);
    const withdrawn = run(submitted(single()), [{ type: 'withdraw', actorId: 'author', isAdmin: false }]);
    expect(transition(null, submitCommand(single(), { requestId: 'req-2', previous: withdrawn, page: page(4) }), at(5)).ok).toBe(true);
  });

  it('refuses an older version than the one last submitted, a foreign previous request and a reused id', () => {
    const previous = run(submitted(single(), { page: page(7) }), [reject('bob')]);
    expect(transition(null, submitCommand(single(), { requestId: 'req-2', previous, page: page(6) }), at(5))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'Version 6 is older than version 7, which was already submitted: reload the page' },
    });
    expect(
      transition(null, submitCommand(single(), { requestId: 'req-2', previous: { ...previous, pageId: 'page-9' }, page: page(8) }), at(5)),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(transition(null, submitCommand(single(), { requestId: 'req-1', previous, page: page(8) }), at(5))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'This submission was already recorded' },
    });
  });
});
