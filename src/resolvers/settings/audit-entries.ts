/**
 * Audit entries for changes the request state machine does not model: workflow edits, the
 * space default and assignments. They are written unsealed in the transaction of the change;
 * the effects consumer seals them into the space's hash chain.
 */
import { type AuditEntry } from '../../storage/audit';
import { type AuditBody, NONE } from '../../storage/entities';

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

export function workflowAuditEntry(entry: WorkflowChangeEntry): AuditEntry {
  return {
    key: entry.key,
    row: {
      spaceId: entry.spaceId,
      pageId: entry.pageId ?? NONE,
      sealed: false,
      seq: 0,
      at: entry.at,
      type: `workflow.${entry.change}`,
      actorId: entry.actorId,
      hash: NONE,
      body: { kind: 'workflow', change: entry.change, workflowId: entry.workflowId, details: entry.details },
    },
  };
}

/** A workflow's own changes are keyed by the revision they produce (deletion ends the sequence). */
export const workflowChangeKey = (workflowId: string, revision: number | 'deleted'): string => `workflow:${workflowId}:${revision}`;

/** Default and assignment changes are keyed by the space-settings revision they produce. */
export const spaceSettingsChangeKey = (spaceId: string, revision: number): string => `space-settings:${spaceId}:${revision}`;
