import { useCallback, useState } from 'react';
import { type QueueItemView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { useSingleFlight } from '../shared/use-single-flight';
import { type BulkOutcome, type Decision, bulkOutcome } from './bulk-outcome';
import { callQueue } from './queue-api';

export interface BulkDecision {
  busy: Decision | null;
  /** The last bulk answer, item by item, until dismissed or replaced. */
  outcome: BulkOutcome | null;
  /** A refusal of the whole call (validation, too many items, unreachable), by the decision it was for. */
  failure: { decision: Decision; error: ApiFailure } | null;
  /** Answers true when the call was answered item by item. */
  decide(decision: Decision, items: readonly QueueItemView[], comment?: string): Promise<boolean>;
  dismiss(): void;
  clearFailure(): void;
}

/** Bulk approve / reject of the ticked items; `onDecided` runs after an answer so the table shows the new state. */
export function useBulkDecision(onDecided: () => Promise<void>): BulkDecision {
  const { busy, run } = useSingleFlight<Decision>();
  const [outcome, setOutcome] = useState<BulkOutcome | null>(null);
  const [failure, setFailure] = useState<BulkDecision['failure']>(null);

  const decide = useCallback(
    async (decision: Decision, items: readonly QueueItemView[], comment?: string): Promise<boolean> => {
      // The step each item was at when ticked: if it moved on meanwhile, that item is refused rather than decided blind.
      const payloadItems = items.flatMap((item) => (item.step === null ? [] : [{ requestId: item.requestId, stepIndex: item.step.index }]));
      const answer = await run(decision, () =>
        callQueue('bulkDecide', { decision, items: payloadItems, ...(comment === undefined ? {} : { comment }) }),
      );
      if (answer === undefined) return false;
      if (!answer.ok) {
        setFailure({ decision, error: answer.error });
        return false;
      }
      setFailure(null);
      setOutcome(bulkOutcome(decision, answer.data, items));
      await onDecided();
      return true;
    },
    [run, onDecided],
  );

  return {
    busy,
    outcome,
    failure,
    decide,
    dismiss: useCallback(() => setOutcome(null), []),
    clearFailure: useCallback(() => setFailure(null), []),
  };
}
