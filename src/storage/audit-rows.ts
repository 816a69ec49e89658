/**
 * Every audit entry the app writes starts here, unsealed (`sealed: false`, `seq: 0`, no hash):
 * request events, workflow and space-settings changes, overdue steps, action runs and byline repairs. Each is
 * stored in the transaction of its change, and the effects seal it into the space's hash chain.
 * A key names what the entry records, so a retried change reproduces it instead of adding another.
 */
import { type AuditBody, type ForgedByline } from '../domain/audit-body';
import { type DomainEvent } from '../domain/events';
import { type ApprovalRequest } from '../domain/request';
import { type AuditEntry } from './audit';
import { type AuditRow, NONE } from './entities';

function unsealed(fields: Pick<AuditRow, 'spaceId' | 'pageId' | 'at' | 'type' | 'actorId' | 'body'>): AuditRow {
  return { ...fields, sealed: false, seq: 0, hash: NONE };
}

/** A request event is keyed by the request revision it produces, which only one change can commit. */
const requestAuditKey = (event: DomainEvent): string => `${event.requestId}:${event.revision}`;

export function requestAuditEntry(event: DomainEvent): AuditEntry {
  return {
    key: requestAuditKey(event),
    row: unsealed({ spaceId: event.spaceId, pageId: event.pageId, at: event.at, type: event.type, actorId: event.actorId ?? NONE, body: { kind: 'request', event } }),
  };
}

type WorkflowChange = Extract<AuditBody, { kind: 'workflow' }>;

export interface WorkflowChangeEntry {
  /** Reproduced by a retry of the same change, so a repeat never adds a second entry. */
  key: string;
  spaceId: string;
  /** The page an assignment is about; other workflow changes are about no page. */
  pageId?: string;
  actorId: string;
  at: string;
  change: WorkflowChange['change'];
  workflowId: string;
  details: Record<string, unknown>;
}

/** Workflow edits, the space default, assignments and workflow creators: changes the request state machine does not model. */
export function workflowAuditEntry(entry: WorkflowChangeEntry): AuditEntry {
  return {
    key: entry.key,
    row: unsealed({
      spaceId: entry.spaceId,
      pageId: entry.pageId ?? NONE,
      at: entry.at,
      type: `workflow.${entry.change}`,
      actorId: entry.actorId,
      body: { kind: 'workflow', change: entry.change, workflowId: entry.workflowId, details: entry.details },
    }),
  };
}

/** A workflow's own changes are keyed by the revision they produce (deletion ends the sequence). */
export const workflowChangeKey = (workflowId: string, revision: number | 'deleted'): string => `workflow:${workflowId}:${revision}`;

/** Default, assignment and creators changes are keyed by the space-settings revision they produce. */
export const spaceSettingsChangeKey = (spaceId: string, revision: number): string => `space-settings:${spaceId}:${revision}`;

/** One entry per request and step: a step is overdue once. */
const overdueAuditKey = (requestId: string, stepIndex: number): string => `overdue:${requestId}:${stepIndex}`;

/** The step's approvers who have not decided yet are the ones the effects remind. */
export function overdueAuditEntry(request: ApprovalRequest, stepIndex: number, dueAt: string, at: string): AuditEntry {
  const state = request.steps[stepIndex];
  const decided = new Set(state.decisions.map((d) => d.approverId));
  return {
    key: overdueAuditKey(request.id, stepIndex),
    row: unsealed({
      spaceId: request.spaceId,
      pageId: request.pageId,
      at,
      type: 'overdue',
      actorId: NONE,
      body: { kind: 'overdue', requestId: request.id, stepIndex, dueAt, pendingApproverIds: state.eligibleApprovers.filter((id) => !decided.has(id)) },
    }),
  };
}

/** One entry per run of a state's actions: the run is the request's entry into the state at one revision. */
const actionsAuditKey = (requestId: string, revision: number): string => `actions:${requestId}:${revision}`;

export interface ActionsRun {
  requestId: string;
  /** The request revision whose event entered the state. */
  revision: number;
  state: string;
  spaceId: string;
  pageId: string;
  results: { action: string; ok: boolean; message: string }[];
}

/** What a run's actions did, in the page's history as "Workflow actions on entering …"; the app did them, so no actor. */
export function actionsAuditEntry(run: ActionsRun, at: string): AuditEntry {
  return {
    key: actionsAuditKey(run.requestId, run.revision),
    row: unsealed({
      spaceId: run.spaceId,
      pageId: run.pageId,
      at,
      type: 'actions.completed',
      actorId: NONE,
      body: { kind: 'actions', requestId: run.requestId, state: run.state, results: run.results },
    }),
  };
}

const BYLINE_REPAIRED = 'byline.repaired';

/** The property's author chose this text: keep enough to recognise it, never all of it. */
const SHOWN_CHARS = 200;

export interface BylineRepair {
  pageId: string;
  spaceId: string;
  propertyId: string;
  found: ForgedByline;
  written: { title: string; tooltip: string; revision: number };
}

/** One entry per forged property version (its id and version number are in the key). */
const bylineRepairKey = (pageId: string, propertyId: string, version: number): string => `byline-repaired:${pageId}:${propertyId}:${version}`;

export function bylineRepairEntry(repair: BylineRepair, at: string): AuditEntry {
  return {
    key: bylineRepairKey(repair.pageId, repair.propertyId, repair.found.version),
    row: unsealed({
      spaceId: repair.spaceId,
      pageId: repair.pageId,
      at,
      type: BYLINE_REPAIRED,
      actorId: NONE,
      body: {
        kind: 'byline',
        found: { ...repair.found, title: repair.found.title.slice(0, SHOWN_CHARS), tooltip: repair.found.tooltip.slice(0, SHOWN_CHARS) },
        written: repair.written,
      },
    }),
  };
}
