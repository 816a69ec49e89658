/**
 * The approval thread of a request: the footer comment the app posted on its submission, which
 * every later notice replies to (effects/notifications.ts writes it; the notify action replies to
 * it). Kept without expiry: an approval can expire a year later and still reply.
 */
import { kvs } from '@forge/kvs';

export interface ThreadRecord {
  commentId: string;
}

export const threadKey = (requestId: string): string => `notice-thread:${requestId}`;

/** The thread's root comment id, or undefined when the submission's comment was never posted. */
export async function getApprovalThread(requestId: string): Promise<string | undefined> {
  return (await kvs.get<ThreadRecord>(threadKey(requestId)))?.commentId;
}
