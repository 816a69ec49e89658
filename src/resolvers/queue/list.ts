/**
 * listQueue: a page of the space's queue. Storage: one index query for the page and one for the
 * workflow choices, in parallel ("mine" reads the viewer's and their groups' open tasks, then
 * their requests in one batch read: see mine.ts). Confluence: the submitters' names in one
 * users-bulk call and, as the viewer, which of the pages they can see (with current titles) in
 * one call, also in parallel; when the space's workflows name approver groups, the viewer's
 * groups in one more call. Items on pages the viewer cannot see are left out.
 */
import { type z } from 'zod';
import { ForgeKvsAPIError } from '@forge/kvs';
import { type Invocation } from '../../auth/invocation';
import { asUser } from '../../confluence/http';
import { getPeople } from '../../confluence/people';
import { getVisiblePages } from '../../confluence/visible-pages';
import { type ApprovalRequest, type RequestStatus } from '../../domain/request';
import { type QueuePageView, type QueueTab, type queueContract } from '../../shared/contract/queue';
import { AppError } from '../../shared/errors';
import { getChangeSizes } from '../../storage/change-sizes';
import { type RequestQueuePage, listQueueRequests } from '../../storage/request-queue';
import { listSpaceWorkflows } from '../../storage/workflows';
import { queueItem } from './item-view';
import { myRequests, viewerApproverGroups } from './mine';
import { handOutCursor, takeBackCursor } from '../../views/list-cursor';
import { queueSpaceId, requireQueueSpaceViewer } from './space';

/** A cursor continues the tab it came from only. */
const queueList = (tab: QueueTab): string => `queue:${tab}`;

type ListInput = z.output<(typeof queueContract)['listQueue']>;
type Filters = ListInput['filters'];

const TAB_STATUS: Record<Exclude<QueueTab, 'mine'>, RequestStatus> = {
  pending: 'inApproval',
  approved: 'approved',
  rejected: 'changesRequested',
};

function matches(request: ApprovalRequest, filters: Filters): boolean {
  const day = request.submittedAt.slice(0, 10);
  return (
    (filters.workflowId === undefined || request.workflow.id === filters.workflowId) &&
    (filters.submittedBy === undefined || request.submittedBy === filters.submittedBy) &&
    (filters.from === undefined || day >= filters.from) &&
    (filters.to === undefined || day <= filters.to)
  );
}

function pageOf(viewerId: string, spaceId: string, input: ListInput, groupIds: Promise<string[]>): Promise<RequestQueuePage> {
  if (input.tab === 'mine') {
    return groupIds.then((ids) =>
      myRequests({ viewerId, spaceId, groupIds: ids, cursor: input.cursor, limit: input.limit, matches: (request) => matches(request, input.filters) }),
    );
  }
  return listQueueRequests({ spaceId, status: TAB_STATUS[input.tab], ...input.filters, cursor: input.cursor, limit: input.limit });
}

/** A cursor from another tab or other filters is refused by storage as a bad request. */
async function withCursorCheck<T>(input: ListInput, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (input.cursor !== undefined && error instanceof ForgeKvsAPIError && error.responseDetails.status === 400) {
      throw new AppError('VALIDATION', 'The list changed since this page was loaded: start again from the first page.');
    }
    throw error;
  }
}

export async function listQueue(input: ListInput, invocation: Invocation): Promise<QueuePageView> {
  if (input.filters.from !== undefined && input.filters.to !== undefined && input.filters.from > input.filters.to) {
    throw new AppError('VALIDATION', 'The start date must be on or before the end date.');
  }
  const spaceId = queueSpaceId(invocation);
  const query = { ...input, cursor: takeBackCursor(queueList(input.tab), input.cursor) };
  const listing = listSpaceWorkflows(spaceId);
  const groupIds = listing.then((workflows) => viewerApproverGroups(invocation.accountId, workflows));
  const [page, workflows, viewerGroups] = await Promise.all([
    withCursorCheck(query, () => pageOf(invocation.accountId, spaceId, query, groupIds)),
    listing,
    groupIds,
  ]);
  // Both read nothing from Confluence for an empty page; the sizes are one batch get, not a query.
  const [people, pages, sizes] = await Promise.all([
    getPeople(page.requests.map((request) => request.submittedBy)),
    getVisiblePages(asUser(), page.requests.map((request) => request.pageId)),
    getChangeSizes(page.requests.map((request) => request.id)),
  ]);
  // Seeing one of the listed pages proves the viewer sees the space; otherwise Confluence is
  // asked, so someone who cannot see the space learns nothing of it (not even workflow names).
  if (pages.size === 0) await requireQueueSpaceViewer(spaceId);
  const context = {
    viewerId: invocation.accountId,
    viewerGroupIds: viewerGroups,
    now: new Date(),
    names: new Map([...people.values()].map((person) => [person.accountId, person.displayName])),
    titles: new Map([...pages.values()].map((p) => [p.id, p.title])),
    contents: pages,
    sizes,
  };
  return {
    items: page.requests.filter((request) => pages.has(request.pageId)).map((request) => queueItem(request, context)),
    ...(page.cursor === undefined ? {} : { cursor: handOutCursor(queueList(input.tab), page.cursor) }),
    workflows: workflows.map((workflow) => ({ id: workflow.id, name: workflow.name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}
