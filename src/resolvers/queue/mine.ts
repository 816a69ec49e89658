/**
 * The queue's "mine" tab: the open tasks of the viewer and of each of the viewer's groups that
 * approve in this space (a group approver has one task per step, never one per member). The
 * viewer's groups cost one Confluence call, made only when the space's workflows name groups.
 *
 * The partitions (the viewer first, then each group) are read one after the other, each newest
 * first: a page costs one storage query, plus one for each partition it runs past the end of. The
 * cursor says which partition to continue and where.
 */
import { z } from 'zod';
import { getUserGroupIds } from '../../confluence/user-groups';
import { awaitsDecisionFrom } from '../../domain/approver-seat';
import { type ApprovalRequest } from '../../domain/request';
import { AppError } from '../../shared/errors';
import { type Workflow } from '../../shared/workflow';
import { type TaskRow } from '../../storage/entities';
import { getRequests } from '../../storage/requests';
import { type RequestQueuePage } from '../../storage/request-queue';
import { groupApproverId, pendingTasksFor } from '../../storage/tasks';

const positionSchema = z.object({ approver: z.string().min(1), cursor: z.string().min(1).optional() });
type Position = z.output<typeof positionSchema>;

const LIST_CHANGED = 'The list changed since this page was loaded: start again from the first page.';

function encode(position: Position): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decode(cursor: string): Position {
  try {
    return positionSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw new AppError('VALIDATION', LIST_CHANGED);
  }
}

/** The viewer's groups among those the space's workflows name as approvers, in a stable order. */
export async function viewerApproverGroups(viewerId: string, workflows: readonly Workflow[]): Promise<string[]> {
  const named = new Set(workflows.flatMap((w) => w.steps.flatMap((s) => s.approvers.flatMap((a) => (a.type === 'group' ? [a.groupId] : [])))));
  if (named.size === 0) return [];
  const mine = await getUserGroupIds(viewerId);
  return mine.filter((groupId) => named.has(groupId)).sort();
}

export interface MineQuery {
  viewerId: string;
  spaceId: string;
  groupIds: readonly string[];
  cursor?: string;
  limit: number;
  matches: (request: ApprovalRequest) => boolean;
}

async function openTasks(query: MineQuery): Promise<{ tasks: TaskRow[]; next?: Position }> {
  const partitions = [query.viewerId, ...query.groupIds.map(groupApproverId)];
  const start = query.cursor === undefined ? { approver: query.viewerId } : decode(query.cursor);
  let index = partitions.indexOf(start.approver);
  if (index < 0) throw new AppError('VALIDATION', LIST_CHANGED);
  let cursor = start.cursor;
  const tasks: TaskRow[] = [];
  while (index < partitions.length && tasks.length < query.limit) {
    const approver = partitions[index];
    const page = await pendingTasksFor(approver, query.spaceId, cursor, query.limit - tasks.length);
    tasks.push(...page.tasks);
    if (page.cursor !== undefined) return { tasks, next: { approver, cursor: page.cursor } };
    index += 1;
    cursor = undefined;
  }
  return { tasks, ...(index < partitions.length ? { next: { approver: partitions[index] } } : {}) };
}

/** Requests the viewer can decide on now; a request reached through several tasks shows once. */
export async function myRequests(query: MineQuery): Promise<RequestQueuePage> {
  const { tasks, next } = await openTasks(query);
  const requests = await getRequests(tasks.map((task) => task.requestId));
  const seen = new Set<string>();
  const mine = tasks.flatMap((task) => {
    const request = requests.get(task.requestId);
    if (request === undefined || seen.has(request.id)) return [];
    if (!awaitsDecisionFrom(request, query.viewerId, query.groupIds) || !query.matches(request)) return [];
    seen.add(request.id);
    return [request];
  });
  return { requests: mine, ...(next === undefined ? {} : { cursor: encode(next) }) };
}
