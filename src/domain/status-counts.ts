/**
 * How many requests are in each status now, kept up to date from events alone: every event that
 * changes a request's status moves one request from one status to another. The rules of the
 * lifecycle make the "from" side certain: only a request in approval is decided, withdrawn or
 * superseded, only an approved request expires, and an override names both sides.
 */
import { type DomainEvent } from './events';
import { type RequestStatus } from './request';

export type StatusCounts = Partial<Record<RequestStatus, number>>;

export interface StatusMove {
  /** null for a new request. */
  from: RequestStatus | null;
  to: RequestStatus;
}

/** The status change an event makes, or null when the request's status stays as it was. */
export function statusMove(event: DomainEvent): StatusMove | null {
  switch (event.type) {
    case 'request.submitted':
      return { from: null, to: 'inApproval' };
    case 'request.approved':
      return { from: 'inApproval', to: 'approved' };
    case 'request.changesRequested':
      return { from: 'inApproval', to: 'changesRequested' };
    case 'request.withdrawn':
      return { from: 'inApproval', to: 'withdrawn' };
    case 'request.superseded':
      return { from: 'inApproval', to: 'superseded' };
    case 'request.expired':
      return { from: 'approved', to: 'expired' };
    case 'request.overridden':
      return { from: event.details.fromStatus, to: event.details.toStatus };
    default:
      return null;
  }
}

/**
 * Applies a move. Moves are additions, so they commute: events counted out of order (a redelivered
 * job, the sweeper) still add up; a count can be negative only until the event that explains it arrives.
 */
export function applyStatusMove(counts: StatusCounts, move: StatusMove): StatusCounts {
  const next: StatusCounts = { ...counts, [move.to]: (counts[move.to] ?? 0) + 1 };
  if (move.from !== null) next[move.from] = (next[move.from] ?? 0) - 1;
  return next;
}

export function addStatusCounts(a: StatusCounts, b: StatusCounts): StatusCounts {
  const sum: StatusCounts = { ...a };
  for (const [status, count] of Object.entries(b) as [RequestStatus, number][]) sum[status] = (sum[status] ?? 0) + count;
  return sum;
}
