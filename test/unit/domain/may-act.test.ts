import { mayDecide } from '../../../src/domain/decisions';
import { mayOverride, mayWithdraw } from '../../../src/domain/lifecycle';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { submissionOpen } from '../../../src/domain/submission';
import { approve, at, reject, run, step, submitCommand, submitted, user, workflow } from './fixtures';

/**
 * The byline dialog offers an action exactly when the domain would take it: the predicates it asks
 * and the transitions must never disagree, whatever state the request is in and whoever asks.
 */
const twoSteps = workflow([step('s1', [user('bob'), user('carol')]), step('s2', [user('dave')])]);
const restarting = workflow([step('s1', [user('bob')])], { onEditDuringReview: 'restart' });
const states: [string, ApprovalRequest][] = [
  ['in approval', submitted(twoSteps)],
  ['at its second step', run(submitted(twoSteps), [approve('bob')])],
  ['approved', run(submitted(twoSteps), [approve('bob'), approve('dave')])],
  ['sent back', run(submitted(twoSteps), [reject('bob')])],
  ['withdrawn', run(submitted(twoSteps), [{ type: 'withdraw', actorId: 'author', isAdmin: false }])],
  ['restarting on edits', submitted(restarting)],
];
const people = ['author', 'bob', 'carol', 'dave', 'admin'];

/** A transition that changes nothing (a repeat) is not an action the dialog offers. */
const takes = (request: ApprovalRequest | null, command: Parameters<typeof transition>[1]): boolean => {
  const result = transition(request, command, at(30));
  return result.ok && result.events.length > 0;
};

describe.each(states)('a request %s', (_name, request) => {
  it.each(people)('offers %s a decision exactly when decide takes it', (actorId) => {
    expect(mayDecide(request, actorId, [])).toBe(takes(request, approve(actorId)));
  });

  it.each(people)('offers %s a withdrawal exactly when withdraw takes it', (actorId) => {
    const isAdmin = actorId === 'admin';
    expect(mayWithdraw(request, actorId, isAdmin)).toBe(takes(request, { type: 'withdraw', actorId, isAdmin }));
  });

  it('offers an override to a space admin only, and some target always changes the status', () => {
    const overrides = (['draft', 'approved', 'changesRequested'] as const).map((targetStatus) =>
      takes(request, { type: 'override', actorId: 'admin', isAdmin: true, targetStatus, reason: 'Audit finding' }),
    );
    expect(mayOverride(request, true)).toBe(overrides.some(Boolean));
    expect(mayOverride(request, false)).toBe(false);
  });

  it.each([request.pageVersion, request.pageVersion + 1])('offers a submission of version %p exactly when submit takes it', (version) => {
    const command = submitCommand(request.workflow, { requestId: 'req-next', previous: request, page: { ...submitCommand(request.workflow).page, version } });
    // A submission names the page's latest request as `previous`; it is about no request yet.
    expect(submissionOpen(request, version)).toBe(takes(null, command));
  });
});
