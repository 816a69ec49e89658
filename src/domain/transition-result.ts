import { type Failure } from './errors';
import { type DomainEvent } from './events';
import { type ApprovalRequest } from './request';

export interface TransitionSuccess {
  ok: true;
  /** The request the command addressed or created. Unchanged (same revision, no events) for a no-op. */
  request: ApprovalRequest;
  /** Every event, in order; they may belong to two requests (see `superseded`, `resubmission`). */
  events: DomainEvent[];
  /** Submit: the page's previous request, replaced because the review restarts on a new version. */
  superseded?: ApprovalRequest;
  /** Page edited: the new request for the new version (automatic submission or restarted review). */
  resubmission?: ApprovalRequest;
}

export type TransitionResult = TransitionSuccess | Failure;

export function unchanged(request: ApprovalRequest): TransitionSuccess {
  return { ok: true, request, events: [] };
}
