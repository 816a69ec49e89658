import fc from 'fast-check';
import { type RequestCommand } from '../../../src/domain/commands';
import { type DomainEvent } from '../../../src/domain/events';
import { replay } from '../../../src/domain/evolve';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { requiredApprovals } from '../../../src/domain/step-rule';
import { type ApproverRef, type Step } from '../../../src/shared/workflow';
import { T0, step, submitCommand, workflow } from './fixtures';

const PEOPLE = ['author', 'ann', 'ben', 'cat', 'dov', 'eve'] as const;
/** People who are never approvers: an admin and somebody else. */
const OUTSIDERS = ['admin', 'mallory'] as const;
/** Who is in which group, as Confluence would answer a member's decision. */
const MEMBERSHIP: Record<string, string[]> = { g1: ['ben', 'cat', 'author'], g2: ['dov', 'eve', 'ann'], empty: [] };
const groupsOf = (actorId: string): string[] => Object.keys(MEMBERSHIP).filter((groupId) => MEMBERSHIP[groupId]!.includes(actorId));

const approverArb: fc.Arbitrary<ApproverRef> = fc.oneof(
  fc.constantFrom(...PEOPLE).map((accountId): ApproverRef => ({ type: 'user', accountId })),
  fc.constantFrom('g1', 'g2', 'empty').map((groupId): ApproverRef => ({ type: 'group', groupId, name: groupId })),
);

const stepArb = (index: number): fc.Arbitrary<Step> =>
  fc
    .record({
      approvers: fc.uniqueArray(approverArb, {
        minLength: 1,
        maxLength: 4,
        selector: (a) => (a.type === 'user' ? a.accountId : a.groupId),
      }),
      rule: fc.oneof(
        fc.constant({ kind: 'any' as const }),
        fc.constant({ kind: 'all' as const }),
        fc.integer({ min: 1, max: 3 }).map((count) => ({ kind: 'atLeast' as const, count })),
      ),
      rejectionsToFail: fc.integer({ min: 1, max: 3 }),
      dueDays: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    })
    .map(({ dueDays, ...rest }) => step(`s${index}`, rest.approvers, { ...rest, ...(dueDays === undefined ? {} : { dueDays }) }));

const workflowArb = fc
  .record({
    steps: fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => stepArb(i)))),
    selfApproval: fc.boolean(),
    autoSubmitOnEdit: fc.boolean(),
    validityDays: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
    onEditDuringReview: fc.constantFrom('keep' as const, 'restart' as const),
  })
  .map(({ steps, ...options }) => workflow(steps, options));

const actorArb = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...PEOPLE) }, { weight: 1, arbitrary: fc.constantFrom(...OUTSIDERS) });
/** Mostly absent: a stale step index is refused, which would hide the rules behind CONFLICT errors. */
const stepIndexArb = fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.nat(2) });

/** A command for the page's latest request; `id` makes request ids unique within a run. */
type CommandMaker = (id: number) => RequestCommand;

const commandArb: fc.Arbitrary<CommandMaker> = fc.oneof(
  { weight: 10, arbitrary: fc.record({ actorId: actorArb, stepIndex: stepIndexArb }).map((c) => () => ({ type: 'approve' as const, ...c, actorGroupIds: groupsOf(c.actorId) })) },
  {
    weight: 2,
    arbitrary: fc
      .record({ actorId: actorArb, comment: fc.oneof({ weight: 4, arbitrary: fc.constant('needs work') }, { weight: 1, arbitrary: fc.constant(' ') }), stepIndex: stepIndexArb })
      .map((c) => () => ({ type: 'reject' as const, ...c, actorGroupIds: groupsOf(c.actorId) })),
  },
  { weight: 1, arbitrary: fc.record({ actorId: actorArb, isAdmin: fc.boolean() }).map((c) => () => ({ type: 'withdraw' as const, ...c })) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        actorId: actorArb,
        isAdmin: fc.boolean(),
        targetStatus: fc.constantFrom('draft' as const, 'approved' as const, 'changesRequested' as const),
        reason: fc.constantFrom('', 'audit'),
      })
      .map((c) => () => ({ type: 'override' as const, ...c })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ bump: fc.integer({ min: 0, max: 2 }), editorId: actorArb, byApp: fc.boolean() })
      .map(({ bump, editorId, byApp }) => (id: number) => ({
        type: 'pageEdited' as const,
        newVersion: 3 + id + bump,
        editorId,
        requestId: `req-${id}`,
        byApp,
      })),
  },
  { weight: 1, arbitrary: fc.constant(() => ({ type: 'expire' as const })) },
);

/** Minutes between commands: sometimes long enough for validity periods and due dates to pass. */
const gapArb = fc.oneof(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 1440, max: 5000 }));

const commandsArb = fc.array(fc.tuple(commandArb, gapArb), { minLength: 3, maxLength: 30 });

interface Tracked {
  request: ApprovalRequest;
  events: DomainEvent[];
}

function decisionsOf(request: ApprovalRequest, index: number) {
  const state = request.steps[index]!;
  return {
    state,
    approvers: state.decisions.filter((d) => d.decision === 'approve').map((d) => d.approverId),
    rejections: state.decisions.filter((d) => d.decision === 'reject').length,
  };
}

/** (a) and (b), plus the shape a running request must have. */
function checkRequestInvariants(request: ApprovalRequest): void {
  const { workflow: wf } = request;
  request.steps.forEach((state, index) => {
    const definition = wf.steps[index]!;
    const { approvers, rejections } = decisionsOf(request, index);
    const stepGroups = state.approverGroups.map((group) => group.groupId);
    for (const decision of state.decisions) {
      // Named on the step, or a member of the group the decision counts for.
      if (decision.forGroup === undefined) expect(state.eligibleApprovers).toContain(decision.approverId);
      else {
        expect(stepGroups).toContain(decision.forGroup);
        expect(MEMBERSHIP[decision.forGroup]).toContain(decision.approverId);
      }
    }
    if (definition.rule.kind === 'all') {
      for (const groupId of stepGroups) expect(state.decisions.filter((d) => d.forGroup === groupId).length).toBeLessThanOrEqual(1);
    }
    expect(new Set(state.decisions.map((d) => d.approverId)).size).toBe(state.decisions.length);
    if (!wf.options.selfApproval) {
      expect(state.eligibleApprovers).not.toContain(request.submittedBy);
      expect(state.decisions.map((d) => d.approverId)).not.toContain(request.submittedBy);
    }
    if (state.outcome === 'approved') {
      const seats = state.eligibleApprovers.length + stepGroups.length;
      expect(new Set(approvers).size).toBeGreaterThanOrEqual(requiredApprovals(definition.rule, seats));
      if (!wf.options.selfApproval) expect(approvers).not.toContain(request.submittedBy);
    }
    if (rejections >= definition.rejectionsToFail) {
      expect(state.outcome).not.toBe('approved');
      expect(index).toBe(request.steps.length - 1);
    }
  });
  const approvedByDecisions = request.status === 'approved' && request.override === undefined;
  if (approvedByDecisions) {
    expect(request.steps).toHaveLength(wf.steps.length);
    for (const state of request.steps) expect(state.outcome).toBe('approved');
  }
  if (request.status === 'inApproval') {
    expect(request.currentStepIndex).toBe(request.steps.length - 1);
    expect(request.steps[request.currentStepIndex]!.outcome).toBeUndefined();
  }
}

describe('the request state machine, for any sequence of commands from any actors', () => {
  it('keeps its rules, replays its events and moves its revision only on real changes', () => {
    fc.assert(
      fc.property(workflowArb, commandsArb, (wf, steps) => {
        const first = transition(null, submitCommand(wf), T0);
        if (!first.ok) {
          expect(first.error.code).toBe('PRECONDITION');
          return;
        }
        const tracked = new Map<string, Tracked>([[first.request.id, { request: first.request, events: first.events }]]);
        let latestId = first.request.id;
        let minutes = 0;
        steps.forEach(([make, gap], index) => {
          minutes += gap;
          const latest = tracked.get(latestId)!;
          const before = JSON.stringify(latest.request);
          const result = transition(latest.request, make(index + 2), new Date(Date.parse(T0) + minutes * 60_000));

          // (d) errors and no-ops change nothing; accepted changes raise the revision by one per event.
          expect(JSON.stringify(latest.request)).toBe(before);
          if (!result.ok) return;
          const own = result.events.filter((e) => e.requestId === latestId);
          if (own.length === 0) {
            expect(result.request).toBe(latest.request);
          } else {
            expect(result.request.revision).toBe(latest.request.revision + own.length);
            expect(result.request.revision).toBeGreaterThan(latest.request.revision);
          }
          tracked.set(latestId, { request: result.request, events: [...latest.events, ...own] });
          if (result.resubmission !== undefined) {
            const created = result.resubmission;
            expect(created.revision).toBe(1);
            tracked.set(created.id, { request: created, events: result.events.filter((e) => e.requestId === created.id) });
            latestId = created.id;
          }
        });

        for (const { request, events } of tracked.values()) {
          checkRequestInvariants(request);
          // (c) the events of a request rebuild it exactly.
          expect(replay(events)).toEqual(request);
          expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i + 1));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reaches every outcome, so the properties above are not vacuous', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(workflowArb, commandsArb, (wf, steps) => {
        let result = transition(null, submitCommand(wf), T0);
        let minutes = 0;
        steps.forEach(([make, gap], index) => {
          minutes += gap;
          if (!result.ok) return;
          const next = transition(result.resubmission ?? result.request, make(index + 2), new Date(Date.parse(T0) + minutes * 60_000));
          if (next.ok) {
            for (const event of next.events) seen.add(event.type);
            result = next;
          }
        });
      }),
      { numRuns: 600, seed: 42 },
    );
    expect([...seen].sort()).toEqual([
      'decision.recorded',
      'page.outdated',
      'request.approved',
      'request.changesRequested',
      'request.expired',
      'request.overridden',
      'request.submitted',
      'request.superseded',
      'request.versionCarried',
      'request.withdrawn',
      'step.advanced',
    ]);
  });
});
