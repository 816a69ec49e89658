/**
 * Simulated approval history for analytics and queue tests and the bench: requests driven through
 * the domain's state machine at chosen times (submitted, then approved, rejected, withdrawn,
 * resubmitted, expired or left pending), so the events are exactly what the app would record.
 */
import { type RequestCommand } from '../../../src/domain/commands';
import { type DomainEvent } from '../../../src/domain/events';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { type Workflow, workflowSchema } from '../../../src/shared/workflow';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** A small deterministic random source (mulberry32), so a seed always yields the same history. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function historyWorkflow(id: string, spaceId: string, name: string, options: { validityDays?: number; dueDays?: number } = {}): Workflow {
  return workflowSchema.parse({
    id,
    spaceId,
    name,
    description: '',
    owners: ['u-frank'],
    createdBy: 'u-frank',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    revision: 1,
    steps: [
      {
        id: 'review',
        name: 'Review',
        approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-carol' }],
        rule: { kind: 'any' },
        ...(options.dueDays === undefined ? {} : { dueDays: options.dueDays }),
      },
    ],
    options: { onEditDuringReview: 'restart', ...(options.validityDays === undefined ? {} : { validityDays: options.validityDays }) },
  });
}

export interface HistoryOptions {
  workflows: readonly Workflow[];
  requests: number;
  /** The first instant a request may be submitted. */
  start: Date;
  /** Nothing happens at or after this instant. */
  end: Date;
  seed?: number;
  /** Request ids are `${idPrefix}${n}`; pages are `${idPrefix}page-${n}`. */
  idPrefix?: string;
  submitters?: readonly string[];
}

export interface History {
  /** Every request in its final state. */
  requests: ApprovalRequest[];
  /** Every event, in the order it happened per request. */
  events: DomainEvent[];
}

const iso = (ms: number): string => new Date(ms).toISOString();

function apply(request: ApprovalRequest | null, command: RequestCommand, at: number): { request: ApprovalRequest; events: DomainEvent[]; superseded?: ApprovalRequest } {
  const result = transition(request, command, iso(at));
  if (!result.ok) throw new Error(`simulated history: ${result.error.code} ${result.error.message}`);
  return result;
}

export function simulateHistory(options: HistoryOptions): History {
  const random = randomSource(options.seed ?? 1);
  const prefix = options.idPrefix ?? 'req-';
  const submitters = options.submitters ?? ['u-alice', 'u-dana', 'u-eve'];
  const start = options.start.getTime();
  const end = options.end.getTime();
  const span = end - start;
  const requests = new Map<string, ApprovalRequest>();
  const events: DomainEvent[] = [];
  const record = (result: { request: ApprovalRequest; events: DomainEvent[]; superseded?: ApprovalRequest }) => {
    requests.set(result.request.id, result.request);
    if (result.superseded !== undefined) requests.set(result.superseded.id, result.superseded);
    events.push(...result.events);
    return result.request;
  };
  /** A decision delay between one minute and about three weeks, mostly short. */
  const delay = () => Math.max(MINUTE, Math.round(random() ** 3 * 21 * DAY));

  for (let n = 0; n < options.requests; n += 1) {
    const workflow = options.workflows[n % options.workflows.length];
    const submittedAt = start + Math.floor(random() * span * 0.95);
    const submitter = submitters[n % submitters.length];
    const page = { id: `${prefix}page-${n}`, spaceId: workflow.spaceId, version: 1, title: `Page ${n}`, status: 'current' as const };
    let request = record(
      apply(null, { type: 'submit', requestId: `${prefix}${n}`, actorId: submitter, page, workflow }, submittedAt),
    );
    const outcome = random();
    const decidedAt = submittedAt + delay();
    if (decidedAt >= end) continue;
    if (outcome < 0.5) {
      request = record(apply(request, { type: 'approve', actorId: 'u-bob' }, decidedAt));
      if (request.expiresAt !== undefined && Date.parse(request.expiresAt) + DAY < end) {
        record(apply(request, { type: 'expire' }, Date.parse(request.expiresAt) + DAY));
      }
    } else if (outcome < 0.7) {
      record(apply(request, { type: 'reject', actorId: 'u-carol', comment: 'Needs work' }, decidedAt));
    } else if (outcome < 0.78) {
      record(apply(request, { type: 'withdraw', actorId: submitter, isAdmin: false }, decidedAt));
    } else if (outcome < 0.83) {
      record(apply(request, { type: 'override', actorId: 'u-frank', isAdmin: true, targetStatus: 'approved', reason: 'Signed off on paper' }, decidedAt));
    } else if (outcome < 0.9) {
      const page2 = { ...page, version: 2 };
      record(
        apply(null, { type: 'submit', requestId: `${prefix}${n}-v2`, actorId: submitter, page: page2, workflow, previous: request }, decidedAt),
      );
    }
  }
  return { requests: [...requests.values()], events };
}
