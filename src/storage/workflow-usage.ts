/**
 * Which requests still run on a workflow. Read through the space's in-approval requests
 * (`by-space-status`) filtered by workflow: that partition holds only the requests under
 * review right now, so the cost follows what is running, not the workflow's whole history
 * (the `by-space-workflow` partition keeps every request ever submitted on it).
 */
import { Filter, FilterConditions, kvs } from '@forge/kvs';
import { ENTITY, INDEX, type RequestRow } from './entities';

const PAGE_SIZE = 100;

async function countRunning(spaceId: string, workflowId: string, stopAt: number): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  do {
    let query = kvs
      .entity<RequestRow>(ENTITY.request)
      .query()
      .index(INDEX.request.bySpaceStatus, { partition: [spaceId, 'inApproval'] })
      .filters(new Filter<RequestRow>().and('workflowId', FilterConditions.equalTo(workflowId)))
      .limit(PAGE_SIZE);
    if (cursor !== undefined) query = query.cursor(cursor);
    const page = await query.getMany();
    count += page.results.length;
    cursor = page.nextCursor;
  } while (cursor !== undefined && count < stopAt);
  return count;
}

/** How many requests are in approval on the workflow. */
export async function runningRequestCount(spaceId: string, workflowId: string): Promise<number> {
  return countRunning(spaceId, workflowId, Number.POSITIVE_INFINITY);
}

/** Whether any request is in approval on the workflow (stops at the first one found). */
export async function hasRunningRequests(spaceId: string, workflowId: string): Promise<boolean> {
  return (await countRunning(spaceId, workflowId, 1)) > 0;
}
