/**
 * The approval queue's lists of a space's requests in one status, newest first: one index query
 * per page, whatever the number of requests. The index is the most selective one the filters
 * allow (a submitter's requests, else a workflow's, else the status's); the other filters are
 * conditions on the rows, and a date range is the index's range on `submittedAt`.
 *
 * Index queries are eventually consistent (storage-reference/entities, "Data consistency"): right
 * after a decision the index may still list a request under its old status. So the listed
 * requests are read again by key (strongly consistent; one batch read per 25, a second storage
 * round trip but no further query) and those whose status has moved on are left out: the list
 * after a bulk decision never shows a decided request under the tab it just left. A request
 * that has just entered the status shows once the index catches up.
 */
import { Filter, FilterConditions, Sort, WhereConditions, kvs } from '@forge/kvs';
import { type ApprovalRequest, type RequestStatus } from '../domain/request';
import { ENTITY, INDEX, type RequestRow } from './entities';
import { getRequests } from './requests';

export interface RequestQueueQuery {
  spaceId: string;
  status: RequestStatus;
  workflowId?: string;
  submittedBy?: string;
  /** Inclusive UTC days. */
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

export interface RequestQueuePage {
  requests: ApprovalRequest[];
  cursor?: string;
}

function indexFor(query: RequestQueueQuery): { name: string; partition: string[]; filters: [keyof RequestRow, string][] } {
  const status: [keyof RequestRow, string] = ['status', query.status];
  if (query.submittedBy !== undefined) {
    const filters: [keyof RequestRow, string][] = [status];
    if (query.workflowId !== undefined) filters.push(['workflowId', query.workflowId]);
    return { name: INDEX.request.bySpaceSubmitter, partition: [query.spaceId, query.submittedBy], filters };
  }
  if (query.workflowId !== undefined) {
    return { name: INDEX.request.bySpaceWorkflow, partition: [query.spaceId, query.workflowId], filters: [status] };
  }
  return { name: INDEX.request.bySpaceStatus, partition: [query.spaceId, query.status], filters: [] };
}

/** `submittedAt` bounds of a day range: ISO instants compare as strings. */
function submittedBetween(from: string | undefined, to: string | undefined): [string, string] | null {
  if (from === undefined && to === undefined) return null;
  return [from === undefined ? '0000' : `${from}T00:00:00.000Z`, to === undefined ? '9999' : `${to}T23:59:59.999Z`];
}

export async function listQueueRequests(query: RequestQueueQuery): Promise<RequestQueuePage> {
  const index = indexFor(query);
  let builder = kvs
    .entity<RequestRow>(ENTITY.request)
    .query()
    .index(index.name, { partition: index.partition })
    .sort(Sort.DESC)
    .limit(query.limit);
  const between = submittedBetween(query.from, query.to);
  if (between !== null) builder = builder.where(WhereConditions.between(between[0], between[1]));
  if (index.filters.length > 0) {
    let filter = new Filter<RequestRow>().and(index.filters[0][0], FilterConditions.equalTo(index.filters[0][1]));
    for (const [attribute, value] of index.filters.slice(1)) filter = filter.and(attribute, FilterConditions.equalTo(value));
    builder = builder.filters(filter);
  }
  if (query.cursor !== undefined) builder = builder.cursor(query.cursor);
  const page = await builder.getMany();
  const current = await getRequests(page.results.map((result) => result.key));
  const requests = page.results.flatMap((result) => {
    const request = current.get(result.key);
    return request !== undefined && request.status === query.status ? [request] : [];
  });
  return { requests, ...(page.nextCursor ? { cursor: page.nextCursor } : {}) };
}
