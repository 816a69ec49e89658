/**
 * bulkDecide: approve or reject several queue items at once. Each item is one ordinary decision
 * (CORE's `decide`, as the caller, in the queue's space): authorised on its own, recorded in its
 * own transaction and audited like a decision from the byline. One item's refusal or failure is
 * reported on that item and never stops the others.
 */
import { type z } from 'zod';
import { type Invocation } from '../../auth/invocation';
import { decide } from '../../commands/decide';
import { ConfluenceBusyError } from '../../confluence/http';
import { type BulkResultView, type queueContract } from '../../shared/contract/queue';
import { AppError } from '../../shared/errors';
import { mapWithConcurrency } from '../../shared/parallel';
import { queueSpaceId } from './space';

type BulkInput = z.output<(typeof queueContract)['bulkDecide']>;
type ItemResult = BulkResultView['results'][number];

/**
 * Decisions run this many at a time: 100 items take ten rounds of one decision each (2.4 s for
 * 100 in the bench, docs/architecture.md "Scale"), far inside a resolver's 25 s, while ten
 * decisions' storage and Confluence calls stay well under the installation's rate limits.
 */
export const PARALLEL_DECISIONS = 10;
/** Rounds of trying again the items Confluence refused as busy, within this much of the resolver's 25 s. */
const BUSY_ROUNDS = 3;
const BUSY_RETRY_BUDGET_MS = 15_000;

const DONE: Record<BulkInput['decision'], string> = { approve: 'Approved.', reject: 'Rejected.' };
const REPEATED: Record<BulkInput['decision'], string> = {
  approve: 'You had already approved this.',
  reject: 'You had already rejected this.',
};

/** An item's answer, and when Confluence refused it for being busy, how long it asked us to wait. */
interface Attempt {
  result: ItemResult;
  busyFor?: number;
}

async function decideItem(invocation: Invocation, spaceId: string, input: BulkInput, item: BulkInput['items'][number]): Promise<Attempt> {
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
    return { result: { requestId: item.requestId, ok: true, message: outcome.changed ? DONE[input.decision] : REPEATED[input.decision] } };
  } catch (error) {
    if (error instanceof ConfluenceBusyError) return { result: { requestId: item.requestId, ok: false, message: error.message }, busyFor: error.retryAfterSeconds ?? 1 };
    if (error instanceof AppError) return { result: { requestId: item.requestId, ok: false, message: error.message } };
    console.error('bulk decision failed', item.requestId, error);
    return { result: { requestId: item.requestId, ok: false, message: 'Something went wrong on our side; this item was not changed. Try it again.' } };
  }
}

export async function bulkDecide(input: BulkInput, invocation: Invocation): Promise<BulkResultView> {
  const started = Date.now();
  const spaceId = queueSpaceId(invocation);
  // The same request selected twice is decided once.
  const items = [...new Map(input.items.map((item) => [item.requestId, item])).values()];
  const attempts = await mapWithConcurrency(items, PARALLEL_DECISIONS, (item) => decideItem(invocation, spaceId, input, item));
  // Items Confluence turned away for being busy changed nothing: they are tried again once it
  // said we may, while the resolver's time allows; the rest keep their "try again" answer.
  for (let round = 0; round < BUSY_ROUNDS; round += 1) {
    const busy = attempts.flatMap((attempt, index) => (attempt.busyFor === undefined ? [] : [index]));
    if (busy.length === 0) break;
    const waitMs = Math.max(...busy.map((index) => attempts[index].busyFor ?? 1)) * 1000;
    if (Date.now() - started + waitMs > BUSY_RETRY_BUDGET_MS) break;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    const again = await mapWithConcurrency(busy, PARALLEL_DECISIONS, (index) => decideItem(invocation, spaceId, input, items[index]));
    busy.forEach((index, i) => {
      attempts[index] = again[i];
    });
  }
  const results = attempts.map((attempt) => attempt.result);
  const succeeded = results.filter((result) => result.ok).length;
  return { results, succeeded, failed: results.length - succeeded };
}
