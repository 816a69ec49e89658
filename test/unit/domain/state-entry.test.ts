/** Which events enter a state whose actions run: every entry, re-entry by override included. */
import { type DomainEvent } from '../../../src/domain/events';
import { type RequestCommand } from '../../../src/domain/commands';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { stateEntered } from '../../../src/domain/state-entry';
import { approve, at, expectOk, reject, step, submitCommand, submitted, user, workflow } from './fixtures';

const twoSteps = workflow([step('s1', [user('bob')]), step('s2', [user('carol')])]);

/** The events a command produces on a request, and the request after them. */
function eventsOf(request: ApprovalRequest, command: RequestCommand, minute: number): { events: DomainEvent[]; request: ApprovalRequest } {
  const result = expectOk(transition(request, command, at(minute)));
  return { events: result.events, request: result.request };
}

const override = (targetStatus: 'draft' | 'approved' | 'changesRequested'): RequestCommand => ({ type: 'override', actorId: 'admin', isAdmin: true, targetStatus, reason: 'Decided in the meeting' });

describe('stateEntered', () => {
  it('enters In Approval on submission, and no state on a decision that moves to the next step', () => {
    const request = submitted(twoSteps);
    const submission = expectOk(transition(null, submitCommand(twoSteps), at(0)));
    expect(submission.events.map((event) => [event.type, stateEntered(event)])).toEqual([['request.submitted', 'inApproval']]);
    const first = eventsOf(request, approve('bob'), 1);
    expect(first.events.map((event) => [event.type, stateEntered(event)])).toEqual([
      ['decision.recorded', null],
      ['step.advanced', null],
    ]);
    const last = eventsOf(first.request, approve('carol'), 2);
    expect(last.events.map(stateEntered)).toEqual([null, 'approved']);
  });

  it('enters Changes Requested on rejection, Draft on withdrawal', () => {
    const request = submitted(twoSteps);
    expect(eventsOf(request, reject('bob'), 1).events.map(stateEntered)).toEqual([null, 'changesRequested']);
    expect(eventsOf(request, { type: 'withdraw', actorId: 'author', isAdmin: false }, 1).events.map(stateEntered)).toEqual(['draft']);
  });

  it('enters the target of an override, the status the request already has included', () => {
    const approved = eventsOf(eventsOf(submitted(twoSteps), approve('bob'), 1).request, approve('carol'), 2).request;
    expect(eventsOf(approved, override('approved'), 3).events.map(stateEntered)).toEqual(['approved']);
    expect(eventsOf(approved, override('draft'), 3).events.map(stateEntered)).toEqual(['draft']);
    expect(eventsOf(approved, override('changesRequested'), 3).events.map(stateEntered)).toEqual(['changesRequested']);
  });
});
