/** A bulk decision's answer joined with what the person saw when they chose the items. */
import { type BulkResultView, type QueueItemView } from '../../shared/contract';

export type Decision = 'approve' | 'reject';

export interface BulkItemOutcome {
  requestId: string;
  ok: boolean;
  message: string;
  /** "Release Process v4": the row as it was when ticked, since the reload may drop it. */
  label: string;
}

export interface BulkOutcome {
  decision: Decision;
  succeeded: BulkItemOutcome[];
  failed: BulkItemOutcome[];
}

export function bulkOutcome(decision: Decision, answer: BulkResultView, chosen: readonly QueueItemView[]): BulkOutcome {
  const labels = new Map(chosen.map((item) => [item.requestId, `${item.pageTitle} v${item.version}`]));
  const items = answer.results.map((result) => ({ ...result, label: labels.get(result.requestId) ?? result.requestId }));
  return { decision, succeeded: items.filter((item) => item.ok), failed: items.filter((item) => !item.ok) };
}
