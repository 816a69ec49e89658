/**
 * bulkDecide: approve or reject several queue items at once. Each item is one ordinary decision
 * (CORE's `decide`, as the caller, in the queue's space): authorised on its own, recorded in its
 * own transaction and audited like a decision from the byline. One item's refusal or failure is
 * reported on that item and never stops the others.
 */
import { type z } from 'zod';
import { type Invocation } from '../../auth/invocation';
import { decide } from '../../commands/decide';
import { type BulkResultView, type queueContract } from '../../shared/contract/queue';
import { AppError } from '../../shared/errors';
import { mapWithConcurrency } from '../../shared/parallel';
import { queueSpaceId } from './space';

type BulkInput = z.output<(typeof queueContract)['bulkDecide']>;
type ItemResult = BulkResultView['results'][number];

/**
 * Decisions run this many at a time: 100 items take about ten rounds of one decision each (≈ 0.4 s
 * simulated a round, docs/architecture.md "Scale"), far inside a resolver's 25 s, while ten
 * decisions' storage and Confluence calls stay well under the installation's rate limits.
 */
export const PARALLEL_DECISIONS = 10;

const DONE: Record<BulkInput['decision'], string> = { approve: 'Approved.', reject: 'Rejected.' };
const REPEATED: Record<BulkInput['decision'], string> = {
  approve: 'You had already approved this.',
  reject: 'You had already rejected this.',
};

async function decideItem(invocation: Invocation, spaceId: string, input: BulkInput, item: BulkInput['items'][number]): Promise<ItemResult> {
  try {
    const outcome = await decide(
      { accountId: invocation.accountId, spaceId },
      {
        requestId: item.requestId,
        stepIndex: item.stepIndex,
        decision: input.decision,
        ...(input.comment === undefined || input.comment === '' ? {} : { comment: input.comment }),
      },
    );
    return { requestId: item.requestId, ok: true, message: outcome.changed ? DONE[input.decision] : REPEATED[input.decision] };
  } catch (error) {
    if (error instanceof AppError) return { requestId: item.requestId, ok: false, message: error.message };
    console.error('bulk decision failed', item.requestId, error);
    return { requestId: item.requestId, ok: false, message: 'Something went wrong on our side; this item was not changed. Try it again.' };
  }
}

export async function bulkDecide(input: BulkInput, invocation: Invocation): Promise<BulkResultView> {
  const spaceId = queueSpaceId(invocation);
  // The same request selected twice is decided once.
  const items = [...new Map(input.items.map((item) => [item.requestId, item])).values()];
  const results = await mapWithConcurrency(items, PARALLEL_DECISIONS, (item) => decideItem(invocation, spaceId, input, item));
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
