/**
 * A page's history as the dialog shows it: audit entries, newest first, each as a sentence with
 * its actor. Entries appear as soon as their change is committed (sealed or not).
 */
import { historySentence } from '../domain/history-sentence';
import { type HistoryEntryView, type HistoryPageView } from '../shared/contract/common';
import { type AuditEntry, type AuditPage } from '../storage/audit';
import { type NameMap } from '../storage/display-names';
import { NONE } from '../storage/entities';
import { getRequests } from '../storage/requests';

export type StepNames = Record<string, readonly string[]>;

/** Everyone an entry names: its actor, the approvers an overdue step waits for, who wrote a forged byline. */
export function peopleIn(rows: readonly AuditEntry[]): string[] {
  return rows.flatMap(({ row }) => [
    ...(row.actorId === NONE ? [] : [row.actorId]),
    ...(row.body.kind === 'overdue' ? row.body.pendingApproverIds : []),
    ...(row.body.kind === 'byline' && row.body.found.writtenBy !== undefined ? [row.body.found.writtenBy] : []),
  ]);
}

function requestIdOf({ row }: AuditEntry): string | undefined {
  const { body } = row;
  return body.kind === 'request' ? body.event.requestId : body.kind === 'workflow' || body.kind === 'byline' ? undefined : body.requestId;
}

/** Step names for the entries' requests: from the page record, else (older requests) from the request rows. */
export async function stepNamesFor(rows: readonly AuditEntry[], known: StepNames): Promise<StepNames> {
  const missing = [...new Set(rows.flatMap((entry) => requestIdOf(entry) ?? []))].filter((id) => !Object.hasOwn(known, id));
  if (missing.length === 0) return known;
  const requests = await getRequests(missing);
  return { ...known, ...Object.fromEntries([...requests.values()].map((r) => [r.id, r.workflow.steps.map((s) => s.name)])) };
}

function entryView(entry: AuditEntry, names: NameMap, steps: StepNames): HistoryEntryView {
  const { key, row } = entry;
  const event = row.body.kind === 'request' ? row.body.event : undefined;
  const comment = event?.type === 'decision.recorded' ? event.details.comment : event?.type === 'request.submitted' ? event.details.comment : undefined;
  const displayName = (accountId: string) => names[accountId] ?? accountId;
  return {
    id: key,
    at: row.at,
    type: row.type,
    actor: row.actorId === NONE ? null : { accountId: row.actorId, displayName: displayName(row.actorId) },
    pageId: row.pageId,
    pageVersion: event?.pageVersion ?? null,
    requestId: requestIdOf(entry) ?? null,
    summary: historySentence(row, { displayName, stepNames: (requestId) => steps[requestId] }),
    ...(comment === undefined ? {} : { comment }),
  };
}

/**
 * The order in which a change's events happen when they share one instant (one commit): an
 * edit outdates or replaces the old request before the new one is submitted, and a decision
 * comes before what it leads to. Events of one request are ordered by their revision.
 */
const WITHIN_COMMIT: Partial<Record<string, number>> = {
  'page.outdated': 0,
  'request.superseded': 1,
  'request.submitted': 2,
  'decision.recorded': 3,
};

function happenedAfter(a: AuditEntry, b: AuditEntry): number {
  if (a.row.at !== b.row.at) return a.row.at < b.row.at ? 1 : -1;
  const [eventA, eventB] = [a.row.body, b.row.body].map((body) => (body.kind === 'request' ? body.event : undefined));
  if (eventA !== undefined && eventB !== undefined && eventA.requestId === eventB.requestId) return eventB.revision - eventA.revision;
  return (WITHIN_COMMIT[b.row.type] ?? 4) - (WITHIN_COMMIT[a.row.type] ?? 4);
}

/** Newest first, as stored; entries of one commit in the order they happened. */
export function historyView(page: AuditPage, names: NameMap, steps: StepNames): HistoryPageView {
  const rows = [...page.rows].sort(happenedAfter);
  return { entries: rows.map((entry) => entryView(entry, names, steps)), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
}
