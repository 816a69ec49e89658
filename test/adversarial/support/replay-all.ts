/**
 * The test oracle for concurrency: every request rebuilt from an interleaved stream of its
 * events (a page's audit trail), by the domain's own `applyEvent`. The app itself never needs
 * to rebuild requests, so this lives with the tests that compare stored state with the trail.
 */
import { type DomainEvent } from '../../../src/domain/events';
import { applyEvent } from '../../../src/domain/evolve';
import { type ApprovalRequest } from '../../../src/domain/request';

export function replayAll(events: readonly DomainEvent[]): Map<string, ApprovalRequest> {
  const requests = new Map<string, ApprovalRequest>();
  for (const event of events) requests.set(event.requestId, applyEvent(requests.get(event.requestId) ?? null, event));
  return requests;
}
