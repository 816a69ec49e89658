/**
 * What one audit entry says: the domain's own record of a change, stored as it is and read back
 * into history sentences. It lives in the domain because both storage (which keeps it) and the
 * domain (which words it) need its shape, and the domain may import nothing below it.
 */
import { type DomainEvent } from './events';

/** An audit entry: a request's domain event, or a change the domain does not model (workflow edits, action results). */
export type AuditBody =
  | { kind: 'request'; event: DomainEvent }
  | {
      kind: 'workflow';
      change:
        | 'created'
        | 'updated'
        | 'enabled'
        | 'disabled'
        | 'deleted'
        | 'assigned'
        | 'defaultSet'
        | 'creatorsSet'
        | 'readersBannerSet'
        | 'variableSet'
        | 'variableRemoved';
      workflowId: string;
      details: Record<string, unknown>;
    }
  | { kind: 'actions'; requestId: string; state: string; results: { action: string; ok: boolean; message: string }[] }
  /** Recorded once per step by the daily job when a step passes its due date; the effects remind its approvers. */
  | { kind: 'overdue'; requestId: string; stepIndex: number; dueAt: string; pendingApproverIds: string[] }
  /** The byline property held a value the app did not sign (someone wrote it through the REST API); the app put the true one back. */
  | { kind: 'byline'; found: ForgedByline; written: { title: string; tooltip: string; revision: number } };

/** What a forged byline property showed, cut short: its author chose the text and its size. */
export interface ForgedByline {
  title: string;
  tooltip: string;
  /** The property version found, and who wrote it (Confluence names the last writer of a property). */
  version: number;
  writtenBy?: string;
}
