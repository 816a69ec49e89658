import { type RequestCommand } from '../../../src/domain/commands';
import { type DomainEvent } from '../../../src/domain/events';
import { ReplayError, applyEvent, replay } from '../../../src/domain/evolve';
import { replayAll } from '../../adversarial/support/replay-all';
import { approverGroupsOf, approverIds, currentStep, describeStep, resolveEligibleApprovers } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { isFeasible, requiredApprovals, tallyStep } from '../../../src/domain/step-rule';
import { approve, approveAsMember, at, expectOk, group, rejectAsMember, step, submitCommand, user, workflow } from './fixtures';

function history(commands: RequestCommand[]) {
  const wf = workflow(
    [step('s1', [user('bob'), group('g')], { rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 2, dueDays: 1 }), step('s2', [user('dan')])],
    { validityDays: 3, autoSubmitOnEdit: true },
  );
  const first = expectOk(transition(null, submitCommand(wf), at(0)));
  const events: DomainEvent[] = [...first.events];
  let request = first.request;
  commands.forEach((command, index) => {
    const result = expectOk(transition(request, command, at(index + 1)));
    events.push(...result.events.filter((e) => e.requestId === request.id));
    request = result.request;
  });
  return { request, events };
}

describe('replay', () => {
  it('rebuilds a request from its events, through decisions, approval, edits and expiry', () => {
    const { request, events } = history([
      rejectAsMember('erin', ['g']),
      approve('bob', 'fine'),
      approveAsMember('carol', ['g']),
      approve('dan'),
      { type: 'pageEdited', newVersion: 5, editorId: 'zoe', requestId: 'req-2', byApp: true },
      { type: 'pageEdited', newVersion: 6, editorId: 'zoe', requestId: 'req-2' },
      { type: 'override', actorId: 'admin', isAdmin: true, targetStatus: 'changesRequested', reason: 'Audit finding' },
      { type: 'override', actorId: 'admin', isAdmin: true, targetStatus: 'approved', reason: 'Fixed' },
    ]);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i + 1));
    expect(replay(events)).toEqual(request);
    expect(replay(JSON.parse(JSON.stringify(events)) as DomainEvent[])).toStrictEqual(JSON.parse(JSON.stringify(request)));
  });

  it('rebuilds withdrawn, expired and superseded requests', () => {
    const withdrawn = history([{ type: 'withdraw', actorId: 'author', isAdmin: false }]);
    expect(replay(withdrawn.events)).toEqual(withdrawn.request);
    const expired = history([approve('bob'), approveAsMember('carol', ['g']), approve('dan')]);
    expect(expired.request.status).toBe('approved');
    const expiredResult = expectOk(transition(expired.request, { type: 'expire' }, '2027-01-01T00:00:00Z'));
    expect(replay([...expired.events, ...expiredResult.events])).toEqual(expiredResult.request);
  });

  it('rebuilds every request of an interleaved page history', () => {
    const restart = workflow([step('s1', [user('bob')])], { onEditDuringReview: 'restart' });
    const first = expectOk(transition(null, submitCommand(restart), at(0)));
    const edit = expectOk(transition(first.request, { type: 'pageEdited', newVersion: 4, editorId: 'zoe', requestId: 'req-2' }, at(1)));
    const decision = expectOk(transition(edit.resubmission!, approve('bob'), at(2)));
    const all = replayAll([...first.events, ...edit.events, ...decision.events]);
    expect([...all.keys()]).toEqual(['req-1', 'req-2']);
    expect(all.get('req-1')).toEqual(edit.request);
    expect(all.get('req-2')).toEqual(decision.request);
  });

  it('refuses a history that is incomplete or out of order', () => {
    const { events } = history([approve('bob'), approveAsMember('carol', ['g'])]);
    const [submittedEvent, recorded, ...rest] = events;
    expect(() => replay([])).toThrow(new ReplayError('No events to replay'));
    expect(() => replay([recorded!])).toThrow(/before request req-1 was submitted/);
    expect(() => replay([submittedEvent!, ...rest])).toThrow(/expected revision 2, got 3/);
    expect(() => replay([submittedEvent!, submittedEvent!])).toThrow(/submitted twice/);
    expect(() => replay([{ ...submittedEvent!, revision: 2 }])).toThrow(/starts at revision 1/);
    expect(() => replay([submittedEvent!, { ...recorded!, requestId: 'other' }])).toThrow(/applied to request req-1/);
    expect(() => replay([submittedEvent!, { ...recorded!, actorId: null }])).toThrow(/needs an actor/);
    expect(() =>
      replay([submittedEvent!, { ...recorded!, details: { stepIndex: 4, stepId: 's1', decision: 'approve' } } as DomainEvent]),
    ).toThrow(/no started step 5/);
    expect(() =>
      applyEvent(null, {
        ...submittedEvent!,
        details: { ...(submittedEvent as Extract<DomainEvent, { type: 'request.submitted' }>).details, workflow: { ...workflow([step('s1', [user('bob')])]), steps: [] } },
      } as DomainEvent),
    ).toThrow(/without steps/);
  });

  it('never changes the request it is given', () => {
    const { request, events } = history([approve('bob')]);
    const frozen = JSON.stringify(request);
    const next = events.slice(0, 1).reduce(applyEvent, null);
    expect(next).not.toBe(request);
    expectOk(transition(request, approveAsMember('carol', ['g']), at(10)));
    expect(JSON.stringify(request)).toBe(frozen);
  });
});

describe('request helpers', () => {
  const wf = workflow([step('s1', [user('bob'), group('g'), user('carol'), group('h')], { name: 'Editors' }), step('s2', [user('dan')])]);

  it('resolves named approvers once each, in configured order, without the author unless self-approval is on', () => {
    const named = step('s1', [user('bob'), group('g'), user('author'), user('bob')]);
    expect(resolveEligibleApprovers(named, 'author', false)).toEqual(['bob']);
    expect(resolveEligibleApprovers(named, 'author', true)).toEqual(['bob', 'author']);
    expect(resolveEligibleApprovers(wf.steps[0]!, 'author', false)).toEqual(['bob', 'carol']);
  });

  it('keeps a step\'s groups as groups, once each, in configured order', () => {
    expect(approverGroupsOf(step('s1', [group('h', 'Legal'), user('bob'), group('g', 'QA'), group('h', 'Legal')]))).toEqual([
      { groupId: 'h', name: 'Legal' },
      { groupId: 'g', name: 'QA' },
    ]);
  });

  it('describes steps the way messages name them', () => {
    expect(describeStep(wf, 0)).toBe('step 1 of 2 (Editors)');
    expect(describeStep(wf, 5)).toBe('step 6 of 2');
  });

  it('lists each approver once across steps', () => {
    const { request } = history([approve('bob'), approveAsMember('carol', ['g']), approve('dan')]);
    expect(approverIds(request)).toEqual(['bob', 'carol', 'dan']);
    expect(() => currentStep({ ...request, currentStepIndex: 7 })).toThrow(/has no step 8/);
  });
});

describe('step rules', () => {
  const s = step('s1', [user('a')], { rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 2 });
  const state = (decisions: [string, 'approve' | 'reject'][], eligible = ['a', 'b', 'c']) => ({
    stepId: 's1',
    eligibleApprovers: eligible,
    approverGroups: [],
    decisions: decisions.map(([approverId, decision]) => ({ approverId, decision, at: at(0) })),
    startedAt: at(0),
  });

  it('needs one approval for "any", everyone (at least one) for "all", N for "at least N"', () => {
    expect(requiredApprovals({ kind: 'any' }, 5)).toBe(1);
    expect(requiredApprovals({ kind: 'all' }, 5)).toBe(5);
    expect(requiredApprovals({ kind: 'all' }, 0)).toBe(1);
    expect(requiredApprovals({ kind: 'atLeast', count: 3 }, 5)).toBe(3);
    expect(isFeasible({ kind: 'all' }, 0)).toBe(false);
    expect(isFeasible({ kind: 'atLeast', count: 3 }, 2)).toBe(false);
    expect(isFeasible({ kind: 'atLeast', count: 3 }, 3)).toBe(true);
  });

  it('tallies decisions of eligible approvers only', () => {
    expect(tallyStep(s, state([['a', 'approve'], ['x', 'approve']]))).toEqual({
      approvals: 1,
      rejections: 0,
      undecided: 2,
      required: 2,
      verdict: 'pending',
    });
    expect(tallyStep(s, state([['a', 'approve'], ['b', 'approve']])).verdict).toBe('met');
    expect(tallyStep(s, state([['a', 'reject'], ['b', 'reject']])).verdict).toBe('failedByRejections');
    expect(tallyStep(s, state([['a', 'reject']], ['a', 'b'])).verdict).toBe('unreachable');
  });

  it('never calls a step unreachable on approvals while a group may still answer, except under "all"', () => {
    const withGroup = { ...state([['a', 'reject']], ['a']), approverGroups: [{ groupId: 'g', name: 'g' }] };
    expect(tallyStep(s, withGroup)).toMatchObject({ undecided: Number.POSITIVE_INFINITY, verdict: 'pending' });
    const all = step('s1', [user('a'), group('g')], { rule: { kind: 'all' }, rejectionsToFail: 2 });
    expect(tallyStep(all, withGroup)).toMatchObject({ required: 2, undecided: 1, verdict: 'unreachable' });
  });

  it('looks at rejections first, so a failed step never counts as met', () => {
    const lenient = step('s1', [user('a')], { rule: { kind: 'any' }, rejectionsToFail: 1 });
    expect(tallyStep(lenient, state([['a', 'reject'], ['b', 'approve']])).verdict).toBe('failedByRejections');
  });
});
