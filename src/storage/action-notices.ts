/**
 * What a notify action has posted, per run and action, so a redelivered run posts its reply once.
 * `posting` is written before the comment is sent and `posted` (with the comment id) after: a run
 * that finds `posting` stopped in between, and looks for its reply before sending again.
 */
import { kvs } from '@forge/kvs';

export type ActionNoticeMarker = { state: 'posting'; at: string } | { state: 'posted'; commentId: string };

/** Markers only have to outlive redelivery: the queue retries a job for 24 hours. */
const MARKER_TTL = { value: 30, unit: 'DAYS' } as const;

/** `actionKey` tells apart the notify actions of one run (a digest of the action). */
const key = (requestId: string, revision: number, actionKey: string): string => `action-notice:${requestId}:${revision}:${actionKey}`;

export async function getActionNotice(requestId: string, revision: number, actionKey: string): Promise<ActionNoticeMarker | undefined> {
  return kvs.get<ActionNoticeMarker>(key(requestId, revision, actionKey));
}

export async function markActionNotice(requestId: string, revision: number, actionKey: string, marker: ActionNoticeMarker): Promise<void> {
  await kvs.set(key(requestId, revision, actionKey), marker, { ttl: MARKER_TTL });
}
