import { type RequestCommand } from '../../../src/domain/commands';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { T0, approve, approveAsMember, at, expectOk, group, reject, rejectAsMember, run, step, submitted, user, workflow } from './fixtures';

function decideAt(request: ApprovalRequest, command: RequestCommand, minute: number) {
  return expectOk(transition(request, command, at(minute)));
}

describe('a step with the rule "any"', () => {
  const wf = workflow(
    [step('s1', [user('bob'), user('carol')]), step('s2', [group('g-legal')], { name: 'Legal', dueDays: 3 })],
    { validityDays: 30 },
  );
  it('advances to the next step on the first approval and resolves that step\'s approvers', () => {
    const start = submitted(wf);
    const result = decideAt(start, approve('carol', '  Looks good  '), 10);
    expect(result.events.map((e) => e.type)).toEqual(['decision.recorded', 'step.advanced']);
    expect(result.events[0]).toMatchObject({
      actorId: 'carol',
      revision: 2,
      details: { stepIndex: 0, stepId: 's1', decision: 'approve', comment: 'Looks good' },
    });
    expect(result.events[1]).toMatchObject({
      actorId: 'carol',
      revision: 3,
      details: {
        fromStepIndex: 0,
        toStepIndex: 1,
        stepId: 's2',
        eligibleApprovers: [],
        approverGroups: [{ groupId: 'g-legal', name: 'g-legal' }],
        dueAt: '2026-11-23T09:10:00.000Z',
      },
    });
    expect(result.request).toMatchObject({ status: 'inApproval', currentStepIndex: 1, revision: 3 });
    expect(result.request.steps).toEqual([
      {
        stepId: 's1',
        eligibleApprovers: ['bob', 'carol'],
        approverGroups: [],
        decisions: [{ approverId: 'carol', decision: 'approve', comment: 'Looks good', at: at(10) }],
        startedAt: T0,
        completedAt: at(10),
        outcome: 'approved',
      },
      {
        stepId: 's2',
        eligibleApprovers: [],
        approverGroups: [{ groupId: 'g-legal', name: 'g-legal' }],
        decisions: [],
        startedAt: at(10),
        dueAt: '2026-11-23T09:10:00.000Z',
      },
    ]);
  });

  it('approves the request after the last step and sets the expiry from the validity days', () => {
    const inStep2 = run(submitted(wf), [approve('bob')]);
    const result = decideAt(inStep2, approveAsMember('erin', ['g-other', 'g-legal']), 60);
    expect(result.events.map((e) => e.type)).toEqual(['decision.recorded', 'request.approved']);
    expect(result.events[1]!.details).toEqual({ stepIndex: 1, submittedAt: T0, expiresAt: '2026-12-20T10:00:00.000Z' });
    expect(result.request).toMatchObject({
      status: 'approved',
      decidedAt: at(60),
      expiresAt: '2026-12-20T10:00:00.000Z',
      revision: 5,
    });
    expect(result.request.steps[1]).toMatchObject({ completedAt: at(60), outcome: 'approved' });
  });

  it('stores no comment when an approval comes with a blank one, and no expiry without validity days', () => {
    const request = run(submitted(workflow([step('s1', [user('bob')])])), [approve('bob', '   ')]);
    expect(request.steps[0]!.decisions[0]).toEqual({ approverId: 'bob', decision: 'approve', at: at(1) });
    expect(request.status).toBe('approved');
    expect(request).not.toHaveProperty('expiresAt');
  });
});

describe('rules "all" and "at least N"', () => {
  it('"all" waits for every eligible approver', () => {
    const wf = workflow([step('s1', [user('bob'), user('carol'), user('dan')], { rule: { kind: 'all' } })]);
    let request = run(submitted(wf), [approve('bob'), approve('dan')]);
    expect(request.status).toBe('inApproval');
    request = run(request, [approve('carol')], 5);
    expect(request.status).toBe('approved');
  });

  it('"all" does not wait for the author when self-approval is off', () => {
    const wf = workflow([step('s1', [user('bob'), user('author')], { rule: { kind: 'all' } })]);
    expect(run(submitted(wf), [approve('bob')]).status).toBe('approved');
  });

  it('"at least 2" is met by the second approval', () => {
    const wf = workflow([step('s1', [user('bob'), user('carol'), user('dan')], { rule: { kind: 'atLeast', count: 2 } })]);
    const once = run(submitted(wf), [approve('carol')]);
    expect(once.status).toBe('inApproval');
    expect(run(once, [approve('bob')], 5).status).toBe('approved');
  });
});

describe('rejections', () => {
  it('one rejection sends the page back for changes by default', () => {
    const wf = workflow([step('s1', [user('bob'), user('carol')]), step('s2', [user('dan')])]);
    const result = decideAt(submitted(wf), reject('carol', 'Section 2 is wrong'), 7);
    expect(result.events.map((e) => e.type)).toEqual(['decision.recorded', 'request.changesRequested']);
    expect(result.events[1]!.details).toEqual({ stepIndex: 0, reason: 'rejections', submittedAt: T0 });
    expect(result.request).toMatchObject({ status: 'changesRequested', decidedAt: at(7), currentStepIndex: 0 });
    expect(result.request.steps).toHaveLength(1);
    expect(result.request.steps[0]).toMatchObject({ outcome: 'rejected', completedAt: at(7) });
  });

  it('waits for the configured number of rejections', () => {
    const wf = workflow([step('s1', [user('bob'), user('carol'), user('dan')], { rule: { kind: 'all' }, rejectionsToFail: 2 })]);
    const wfAtLeast = workflow([
      step('s1', [user('bob'), user('carol'), user('dan'), user('erin')], { rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 2 }),
    ]);
    const once = run(submitted(wfAtLeast), [reject('bob')]);
    expect(once.status).toBe('inApproval');
    const twice = decideAt(once, reject('carol'), 9);
    expect(twice.request.status).toBe('changesRequested');
    expect(twice.events[1]!.details).toMatchObject({ reason: 'rejections' });
    expect(run(submitted(wf), [reject('bob')]).status).toBe('changesRequested');
  });

  it('fails a step that can no longer collect enough approvals rather than waiting forever', () => {
    const wf = workflow([
      step('s1', [user('bob'), user('carol'), user('dan')], { rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 3 }),
    ]);
    const once = run(submitted(wf), [reject('bob')]);
    expect(once.status).toBe('inApproval');
    const result = decideAt(once, reject('carol'), 9);
    expect(result.request.status).toBe('changesRequested');
    expect(result.events[1]!.details).toMatchObject({ reason: 'ruleUnreachable' });
  });

  it('requires a comment', () => {
    const request = submitted(workflow([step('s1', [user('bob')])]));
    const error = { code: 'VALIDATION', message: 'Say what needs to change: a rejection needs a comment' };
    expect(transition(request, { type: 'reject', actorId: 'bob', comment: '' }, at(1))).toEqual({ ok: false, error });
    expect(transition(request, { type: 'reject', actorId: 'bob', comment: ' \n ' }, at(1))).toEqual({ ok: false, error });
  });
});

describe('who may decide', () => {
  const wf = workflow([step('s1', [user('bob'), user('author')], { name: 'Editor' }), step('s2', [user('dan')], { name: 'Legal' })]);

  it('refuses someone who is not an approver of the current step', () => {
    expect(transition(submitted(wf), approve('mallory'), at(1))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You are not an approver of step 1 of 2 (Editor)' },
    });
    expect(transition(submitted(wf), reject('dan'), at(1))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You are not an approver of step 1 of 2 (Editor)' },
    });
  });

  it('refuses the author when self-approval is off, even as a listed approver', () => {
    expect(transition(submitted(wf), approve('author'), at(1))).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You submitted this page, and this workflow does not allow self-approval' },
    });
  });

  it('lets the author decide when self-approval is on', () => {
    const selfApproving = workflow(wf.steps, { selfApproval: true });
    expect(run(submitted(selfApproving), [approve('author')]).currentStepIndex).toBe(1);
  });

  it('refuses decisions once the request has left approval', () => {
    const approved = run(submitted(wf), [approve('bob'), approve('dan')]);
    expect(transition(approved, approve('dan'), at(10))).toEqual({
      ok: false,
      error: { code: 'PRECONDITION', message: 'This request is no longer in approval: it was approved' },
    });
    const withdrawn = run(submitted(wf), [{ type: 'withdraw', actorId: 'author', isAdmin: false }]);
    expect(transition(withdrawn, reject('bob'), at(10))).toMatchObject({
      ok: false,
      error: { code: 'PRECONDITION', message: 'This request is no longer in approval: it was withdrawn' },
    });
  });

  it('refuses a decision on a request that does not exist, or from nobody', () => {
    expect(transition(null, approve('bob'), at(1))).toEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'This approval request does not exist' },
    });
    expect(transition(submitted(wf), approve(' '), at(1))).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('limits comments to 2000 characters', () => {
    expect(transition(submitted(wf), approve('bob', 'x'.repeat(2001)), at(1))).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'A comment must be at most 2000 characters' },
    });
  });
});

describe('deciding twice', () => {
  const wf = workflow([step('s1', [user('bob'), user('carol')], { rule: { kind: 'all' }, rejectionsToFail: 2 }), step('s2', [user('bob')])]);

  it('treats the same decision again as a no-op without events', () => {
    const once = run(submitted(wf), [approve('bob')]);
    const again = expectOk(transition(once, approve('bob', 'different comment'), at(5)));
    expect(again.events).toEqual([]);
    expect(again.request).toBe(once);
  });

  it('refuses a different second decision', () => {
    const once = run(submitted(wf), [approve('bob')]);
    expect(transition(once, reject('bob'), at(5))).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: 'You already approved step 1 of 2 (Step s1): a decision cannot be changed' },
    });
    const lenient = workflow([
      step('s1', [user('bob'), user('carol'), user('dan')], { rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 2 }),
    ]);
    const rejectedOnce = run(submitted(lenient), [reject('carol')]);
    expect(rejectedOnce.status).toBe('inApproval');
    expect(transition(rejectedOnce, approve('carol'), at(5))).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('You already rejected') },
    });
  });

  it('with the step the approver saw: a repeat is a no-op even after the request moved on', () => {
    const approved = run(submitted(workflow([step('s1', [user('bob')])])), [approve('bob')]);
    const repeat = expectOk(transition(approved, { type: 'approve', actorId: 'bob', stepIndex: 0 }, at(5)));
    expect(repeat.events).toEqual([]);
    expect(repeat.request).toBe(approved);
  });

  it('with the step the approver saw: a decision for a step that has ended is refused', () => {
    const inStep2 = run(submitted(wf), [approve('bob'), approve('carol')]);
    expect(inStep2.currentStepIndex).toBe(1);
    expect(transition(inStep2, { type: 'reject', actorId: 'bob', comment: 'no', stepIndex: 0 }, at(5))).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'This request has moved on to step 2 of 2 (Step s2) since you opened it: reload to see it',
      },
    });
    expect(expectOk(transition(inStep2, { type: 'approve', actorId: 'bob', stepIndex: 1 }, at(6))).request.status).toBe('approved');
  });
});

describe('group approvers: membership is asked when a member decides, never stored', () => {
  const legal = group('g-legal', 'Legal');
  const finance = group('g-fin', 'Finance');

  it('lets a member decide for the group and records which group the decision counts for', () => {
    const wf = workflow([step('s1', [user('bob'), legal])]);
    const result = decideAt(submitted(wf), approveAsMember('erin', ['g-legal']), 5);
    expect(result.events[0]!.details).toEqual({ stepIndex: 0, stepId: 's1', decision: 'approve', forGroup: 'g-legal' });
    expect(result.request.steps[0]!.decisions).toEqual([{ approverId: 'erin', decision: 'approve', at: at(5), forGroup: 'g-legal' }]);
    expect(result.request.status).toBe('approved');
  });

  it('refuses someone in none of the step\'s groups, and a member whose groups were not given', () => {
    const wf = workflow([step('s1', [legal])]);
    for (const command of [approveAsMember('mallory', ['g-other']), approve('erin')]) {
      expect(transition(submitted(wf), command, at(5))).toEqual({
        ok: false,
        error: { code: 'FORBIDDEN', message: 'You are not an approver of step 1 of 1 (Step s1)' },
      });
    }
  });

  it('keeps segregation of duties: the author cannot approve through a group unless self-approval is on', () => {
    const wf = workflow([step('s1', [legal])]);
    expect(transition(submitted(wf), approveAsMember('author', ['g-legal']), at(5))).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You submitted this page, and this workflow does not allow self-approval' },
    });
    const lenient = workflow([step('s1', [legal])], { selfApproval: true });
    expect(decideAt(submitted(lenient), approveAsMember('author', ['g-legal']), 5).request.status).toBe('approved');
  });

  it('"all" counts each group once: its first member to decide decides for it', () => {
    const wf = workflow([step('s1', [user('bob'), legal, finance], { rule: { kind: 'all' } })]);
    let request = run(submitted(wf), [approveAsMember('erin', ['g-legal']), approve('bob')]);
    expect(request.status).toBe('inApproval');
    expect(transition(request, approveAsMember('dan', ['g-legal']), at(9))).toEqual({
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'Group \'Legal\' has already decided on step 1 of 1 (Step s1): under "All approvers" one member decides for each group',
      },
    });
    // A member of both groups decides for the group that has not decided yet.
    request = decideAt(request, approveAsMember('dan', ['g-legal', 'g-fin']), 10).request;
    expect(request.steps[0]!.decisions.at(-1)).toMatchObject({ approverId: 'dan', forGroup: 'g-fin' });
    expect(request.status).toBe('approved');
  });

  it('"all" fails at once when a group\'s member rejects: the group has decided', () => {
    const wf = workflow([step('s1', [user('bob'), legal], { rule: { kind: 'all' }, rejectionsToFail: 2 })]);
    const result = decideAt(submitted(wf), rejectAsMember('erin', ['g-legal']), 5);
    expect(result.request.status).toBe('changesRequested');
    expect(result.events.at(-1)!.details).toMatchObject({ reason: 'ruleUnreachable' });
  });

  it('"at least N" counts every member who approves, and never gives up on approvals while a group may still answer', () => {
    const wf = workflow([step('s1', [legal], { rule: { kind: 'atLeast', count: 3 }, rejectionsToFail: 2 })]);
    let request = run(submitted(wf), [approveAsMember('dan', ['g-legal']), rejectAsMember('erin', ['g-legal'])]);
    expect(request.status).toBe('inApproval');
    request = run(request, [approveAsMember('fay', ['g-legal']), approveAsMember('gus', ['g-legal'])], 5);
    expect(request.status).toBe('approved');
  });
});
