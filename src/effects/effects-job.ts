/**
 * What happens after a change is committed runs from one queue: sealing the audit
 * entries into the space's hash chain, the byline property, approver tasks, analytics
 * rollups and notification comments. A job names the audit entries the change wrote
 * (unsealed) in its transaction; the entries carry the events, so nothing is lost if the
 * push itself fails: the sweeper finds unsealed entries and pushes them again.
 * Jobs are queued by src/commands/emit.ts only.
 */
export const EFFECTS_QUEUE = 'approval-effects';

export interface EffectsJob {
  [field: string]: unknown;
  spaceId: string;
  pageId: string;
  auditKeys: string[];
}

/** The consumer's `timeoutSeconds` in manifest.yml (the most Forge allows a queue consumer). */
export const EFFECTS_TIME_LIMIT_SECONDS = 900;
