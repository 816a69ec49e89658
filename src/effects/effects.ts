/**
 * Everything that follows a committed change, in a fixed order: seal the audit entries into the
 * space's hash chain, update the approver tasks, the analytics rollups, the byline lozenge, size a
 * submission against the earlier approval, post the notifications, then run the workflow actions of
 * the states the page entered. Each step is a no-op when it already happened, so a job can run any
 * number of times; a step that fails throws, and the queue runs the whole job again.
 *
 * Jobs of one space run one at a time, so a burst of changes queues many jobs behind each other.
 * A job therefore takes on the space's other waiting entries with its own (coalescing) and runs
 * the effects of every entry of the chain from where the space's effects stopped up to the last
 * entry it sealed, recording how far it got after each pass (storage/effects-progress.ts): the
 * later jobs of the burst find their entries handled and finish at once, and every page's byline
 * is written once per job with its latest state.
 */
import { type DomainEvent } from '../domain/events';
import { mapWithConcurrency } from '../shared/parallel';
import { type AuditEntry, getAuditEntries, unsealedOfSpace } from '../storage/audit';
import { sealAuditEntries, sealedAfter } from '../storage/audit-chain';
import { effectsDoneUpTo, recordEffectsDone } from '../storage/effects-progress';
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
/** Entries a job seals, its own and others waiting, and runs the effects of at once: a pass stays far inside the consumer's 900 s. */
const ENTRIES_PER_PASS = 100;
/** Entries of a backlog (effects of earlier jobs that failed) a job runs before handing itself back to the queue. */
const ENTRIES_PER_JOB = 1000;
/** Byline properties written side by side: two Confluence calls each, about 65 calls a second, under Confluence's 100 a second (the bench's model). */
const PARALLEL_BYLINES = 8;

function requestEventsOf(entries: AuditEntry[]): DomainEvent[] {
  return entries.flatMap((entry) => (entry.row.body.kind === 'request' ? [entry.row.body.event] : []));
}

/** Requests the entries speak about: their events' requests and overdue reminders' requests. */
function requestIdsOf(entries: AuditEntry[]): string[] {
  const ids = entries.flatMap(({ row: { body } }) => (body.kind === 'request' ? [body.event.requestId] : body.kind === 'overdue' ? [body.requestId] : []));
  return [...new Set(ids)];
}

interface Work {
  entries: AuditEntry[];
  /** The seq of the space's chain the entries run up to, recorded once their effects finished. */
  doneUpTo?: number;
  /** True when a backlog remains past `doneUpTo`: the job hands itself back to run the rest. */
  more: boolean;
}

/**
 * The entries whose effects this job runs, or null when an earlier job of the space already ran
 * them all. Seals the job's entries and up to a pass's worth of the space's other waiting ones.
 */
async function workOf(job: EffectsJob): Promise<Work | null> {
  const [done, own] = await Promise.all([effectsDoneUpTo(job.spaceId), getAuditEntries(job.auditKeys)]);
  const ofSpace = (entry: AuditEntry) => entry.row.spaceId === job.spaceId;
  if (done !== undefined && own.length > 0 && own.every((entry) => entry.row.sealed && ofSpace(entry) && entry.row.seq <= done)) return null;
  const waiting = await unsealedOfSpace(job.spaceId, ENTRIES_PER_PASS - own.length);
  const sealed = await sealAuditEntries([...new Set([...job.auditKeys, ...waiting])]);
  const others = sealed.filter((entry) => !ofSpace(entry));
  const seqs = sealed.filter(ofSpace).map((entry) => entry.row.seq);
  if (seqs.length === 0) return { entries: others, more: false };
  const upTo = Math.max(...seqs);
  const from = done ?? Math.min(...seqs) - 1;
  if (upTo <= from) return { entries: others, more: false };
  const until = Math.min(upTo, from + ENTRIES_PER_JOB);
  return { entries: [...(await sealedAfter(job.spaceId, from, until - from)), ...others], doneUpTo: until, more: until < upTo };
}

export async function runEffects(job: EffectsJob): Promise<void> {
  const startedAt = Date.now();
  const aliveUntil = startedAt + EFFECTS_TIME_LIMIT_SECONDS * 1000;
  const work = await workOf(job);
  if (work === null) return;
  for (let i = 0; i < work.entries.length; i += ENTRIES_PER_PASS) {
    const pass = work.entries.slice(i, i + ENTRIES_PER_PASS);
    await runPass(pass, aliveUntil);
    // Each pass's progress is kept: a delivery Confluence stops midway (rate limited) goes on from
    // the last pass that finished, instead of reading the passes before it again.
    const passUpTo = pass.reduce((upTo, entry) => (entry.row.spaceId === job.spaceId ? Math.max(upTo, entry.row.seq) : upTo), 0);
    if (work.doneUpTo !== undefined && passUpTo > 0 && passUpTo < work.doneUpTo) await recordEffectsDone(job.spaceId, passUpTo);
  }
  if (work.doneUpTo !== undefined) await recordEffectsDone(job.spaceId, work.doneUpTo);
  // Progress is recorded: the queue's next delivery of this job goes on from there.
  if (work.more) throw new Error(`effects of space ${job.spaceId} are behind; the job runs again to work off the rest`);
}

/** The effects of these sealed entries, in chain order. */
async function runPass(entries: AuditEntry[], aliveUntil: number): Promise<void> {
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
  await mapWithConcurrency(bylines, PARALLEL_BYLINES, async (update) => {
    await writeBylineUpdate(update, people);
    await rememberPageNames(update.pageId, people.namesOf([...update.people, ...update.dialogPeople, ...actors]));
  });
  await sendNotifications(notices, requests, people, sizes);
  // Last: a notify action replies to the comment the notifications posted.
  await runWorkflowActions(events, requests, { waitUntil: aliveUntil - HAND_BACK_MARGIN_MS, aliveUntil });
}
