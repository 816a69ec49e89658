/**
 * Everything that follows a committed change, in a fixed order: seal the audit entries into the
 * space's hash chain, update the approver tasks, the analytics rollups, the byline lozenge, size a
 * submission against the earlier approval, post the notifications, then run the workflow actions of
 * the states the page entered. Each step is a no-op when it already happened, so a job can run any
 * number of times; a step that fails throws, and the queue runs the whole job again.
 */
import { type DomainEvent } from '../domain/events';
import { type AuditEntry } from '../storage/audit';
import { sealAuditEntries } from '../storage/audit-chain';
import { NONE } from '../storage/entities';
import { getRequests } from '../storage/requests';
import { applyEventsToRollups } from '../storage/rollups';
import { syncApproverTasks } from '../storage/tasks';
import { type BylineUpdate, planByline, writeBylineUpdate } from './byline-effect';
import { recordChangeSizes, recordSubmittedLabels } from './change-size';
import { EFFECTS_TIME_LIMIT_SECONDS, type EffectsJob } from './effects-job';
import { planNotifications, sendNotifications } from './notifications';
import { rememberPageNames } from '../storage/display-names';
import { PeopleDirectory } from './people-directory';
import { runWorkflowActions } from './workflow-actions';

/** Time kept back from the consumer's limit for recording where the actions stopped and handing the job back. */
const HAND_BACK_MARGIN_MS = 60_000;

function requestEventsOf(entries: AuditEntry[]): DomainEvent[] {
  return entries.flatMap((entry) => (entry.row.body.kind === 'request' ? [entry.row.body.event] : []));
}

/** Requests the entries speak about: their events' requests and overdue reminders' requests. */
function requestIdsOf(entries: AuditEntry[]): string[] {
  const ids = entries.flatMap(({ row: { body } }) => (body.kind === 'request' ? [body.event.requestId] : body.kind === 'overdue' ? [body.requestId] : []));
  return [...new Set(ids)];
}

export async function runEffects(job: EffectsJob): Promise<void> {
  const startedAt = Date.now();
  const aliveUntil = startedAt + EFFECTS_TIME_LIMIT_SECONDS * 1000;
  const entries = await sealAuditEntries(job.auditKeys);
  const events = requestEventsOf(entries);
  const requestIds = requestIdsOf(entries);
  // Workflow changes and action results only join the chain.
  if (requestIds.length === 0) return;
  const requests = await getRequests(requestIds);
  await syncApproverTasks(requests.values());
  await applyEventsToRollups(events);
  const changedPages = [...new Set(events.map((event) => event.pageId).filter((pageId) => pageId !== NONE))];
  const bylines = (await Promise.all(changedPages.map(planByline))).filter((update): update is BylineUpdate => update !== null);
  // Sized before the comments that mention it; the thread of a later reply renders from it too.
  await recordSubmittedLabels(events);
  const sizes = await recordChangeSizes(events, requestIds);
  const notices = planNotifications(entries, requests, sizes);
  // One bulk lookup for every name the bylines and the comments show.
  const people = new PeopleDirectory();
  const actors = entries.flatMap(({ row }) => (row.actorId === NONE ? [] : [row.actorId]));
  await people.load([
    ...bylines.flatMap((update) => [...update.people, ...update.dialogPeople]),
    ...notices.flatMap((notice) => notice.draft.people),
    ...actors,
  ]);
  for (const update of bylines) {
    await writeBylineUpdate(update, people);
    await rememberPageNames(update.pageId, people.namesOf([...update.people, ...update.dialogPeople, ...actors]));
  }
  await sendNotifications(notices, requests, people, sizes);
  // Last: a notify action replies to the comment the notifications posted.
  await runWorkflowActions(events, requests, { waitUntil: aliveUntil - HAND_BACK_MARGIN_MS, aliveUntil });
}
