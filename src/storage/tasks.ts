/**
 * Approver tasks (entity `approver-task`): the read model behind "pending for me". One row per
 * named approver per started step, open while that approver can still decide on it, and one row
 * per group (approver `group:<groupId>`, never one per member), open while the group still asks
 * its members: until the step ends, or under "all" until one member decided for it.
 *
 * The rows are a projection of the request as it is now, not of the events one by one: a job
 * that runs late, twice, or after a later job leaves exactly the rows the current request
 * implies, so the read model cannot drift from the requests whatever the queue does.
 */
import { kvs, Sort } from '@forge/kvs';
import { type ApprovalRequest } from '../domain/request';
import { ENTITY, INDEX, NONE, type TaskRow } from './entities';

/** The storage service's batch limit. */
const BATCH_SIZE = 25;
const PENDING_PAGE = 25;

const taskTable = () => kvs.entity<TaskRow>(ENTITY.task);

const taskKey = (requestId: string, stepIndex: number, approverId: string): string => `${requestId}:${stepIndex}:${approverId}`;

/** The task approver that stands for a whole group. */
export const groupApproverId = (groupId: string): string => `group:${groupId}`;

/** Every task the request implies: its started steps' eligible approvers, open where a decision is still awaited. */
function tasksOfRequest(request: ApprovalRequest): Map<string, TaskRow> {
  const tasks = new Map<string, TaskRow>();
  request.steps.forEach((step, stepIndex) => {
    const waiting = request.status === 'inApproval' && stepIndex === request.currentStepIndex && step.completedAt === undefined;
    const decided = new Set(step.decisions.map((decision) => decision.approverId));
    const groupsDecided = new Set(step.decisions.map((decision) => decision.forGroup));
    const oneMemberDecides = request.workflow.steps[stepIndex]?.rule.kind === 'all';
    const task = (approverId: string, open: boolean): [string, TaskRow] => [
      taskKey(request.id, stepIndex, approverId),
      {
        requestId: request.id,
        spaceId: request.spaceId,
        pageId: request.pageId,
        approverId,
        stepIndex,
        state: waiting && open ? 'open' : 'done',
        createdAt: step.startedAt,
        dueAt: step.dueAt ?? NONE,
      },
    ];
    for (const approverId of step.eligibleApprovers) tasks.set(...task(approverId, !decided.has(approverId)));
    for (const { groupId } of step.approverGroups) {
      tasks.set(...task(groupApproverId(groupId), !(oneMemberDecides && groupsDecided.has(groupId))));
    }
  });
  return tasks;
}

function sameTask(a: TaskRow, b: TaskRow): boolean {
  return a.state === b.state && a.dueAt === b.dueAt && a.createdAt === b.createdAt && a.spaceId === b.spaceId && a.pageId === b.pageId;
}

async function storedTasks(keys: string[]): Promise<Map<string, TaskRow>> {
  const stored = new Map<string, TaskRow>();
  for (let i = 0; i < keys.length; i += BATCH_SIZE) {
    const result = await kvs.batchGet<TaskRow>(keys.slice(i, i + BATCH_SIZE).map((key) => ({ key, entityName: ENTITY.task })));
    for (const item of result.successfulKeys) stored.set(item.key, item.value);
    const failed = result.failedKeys.filter((item) => item.error.code !== 'KEY_NOT_FOUND');
    if (failed.length > 0) throw new Error(`Could not read approver tasks: ${failed.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
  }
  return stored;
}

/**
 * Brings the tasks of these requests (as stored now) in line with them: creates the tasks of
 * started steps, marks decided and ended ones done. Rows already right are not written.
 */
export async function syncApproverTasks(requests: Iterable<ApprovalRequest>): Promise<void> {
  const wanted = new Map<string, TaskRow>();
  for (const request of requests) for (const [key, row] of tasksOfRequest(request)) wanted.set(key, row);
  if (wanted.size === 0) return;
  const stored = await storedTasks([...wanted.keys()]);
  const changed = [...wanted].filter(([key, row]) => {
    const current = stored.get(key);
    return current === undefined || !sameTask(current, row);
  });
  for (let i = 0; i < changed.length; i += BATCH_SIZE) {
    const result = await kvs.batchSet(changed.slice(i, i + BATCH_SIZE).map(([key, value]) => ({ key, value, entityName: ENTITY.task })));
    if (result.failedKeys.length > 0) {
      throw new Error(`Could not write approver tasks: ${result.failedKeys.map((item) => `${item.key} (${item.error.code})`).join(', ')}`);
    }
  }
}

export interface TaskPage {
  tasks: TaskRow[];
  cursor?: string;
}

/** An approver's (or a group's) open tasks in one space, newest first: one query per page. */
export async function pendingTasksFor(approverId: string, spaceId: string, cursor?: string, limit: number = PENDING_PAGE): Promise<TaskPage> {
  let query = taskTable()
    .query()
    .index(INDEX.task.byApproverSpace, { partition: [approverId, spaceId, 'open'] })
    .sort(Sort.DESC)
    .limit(limit);
  if (cursor !== undefined) query = query.cursor(cursor);
  const result = await query.getMany();
  return { tasks: result.results.map((item) => item.value), ...(result.nextCursor ? { cursor: result.nextCursor } : {}) };
}
