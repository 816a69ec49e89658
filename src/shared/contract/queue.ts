/**
 * The approval queue resolvers (module `approval-queue`, a space page). The space is the
 * one in the invocation context.
 */
import { z } from 'zod';
import { type ContentType } from '../content';
import { commentSchema, cursorSchema, daySchema, type PersonView } from './common';
import { accountIdSchema, requestIdSchema, workflowIdSchema } from './ids';
import { hasVisibleText } from '../text';

export const QUEUE_TABS = ['mine', 'pending', 'approved', 'rejected'] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

export const QUEUE_PAGE_SIZE = 25;
export const BULK_LIMIT = 100;

export interface QueueItemView {
  requestId: string;
  pageId: string;
  /** A page or a blog post: the queue labels and links each accordingly. */
  contentType: ContentType;
  /** Where the page or blog post lives, relative to the site, as Confluence gave it. */
  url: string;
  pageTitle: string;
  version: number;
  workflowId: string;
  workflowName: string;
  submittedBy: PersonView;
  submittedAt: string;
  status: 'inApproval' | 'approved' | 'changesRequested' | 'withdrawn' | 'expired' | 'superseded';
  step: { index: number; number: number; count: number; name: string } | null;
  dueAt?: string;
  overdue: boolean;
  decidedAt?: string;
  /** The viewer is an eligible approver of the current step who has not decided yet. */
  canDecide: boolean;
  /**
   * Blocks added and removed since the page's earlier approval (a changed block counts as one
   * of each, as in a diff); absent without an earlier approval or when it was not compared.
   */
  changeSize?: { sinceVersion: number; added: number; removed: number };
}

export interface QueuePageView {
  items: QueueItemView[];
  cursor?: string;
  /** Filter choices: the space's workflows. */
  workflows: { id: string; name: string }[];
}

export interface BulkResultView {
  results: { requestId: string; ok: boolean; message: string }[];
  succeeded: number;
  failed: number;
}

export const queueContract = {
  listQueue: z.object({
    tab: z.enum(QUEUE_TABS),
    filters: z
      .object({
        workflowId: workflowIdSchema.optional(),
        submittedBy: accountIdSchema.optional(),
        from: daySchema.optional(),
        to: daySchema.optional(),
      })
      .prefault({}),
    cursor: cursorSchema,
    limit: z.int().min(1).max(50).default(QUEUE_PAGE_SIZE),
  }),
  bulkDecide: z
    .object({
      decision: z.enum(['approve', 'reject']),
      comment: commentSchema.optional(),
      items: z
        .array(z.object({ requestId: requestIdSchema, stepIndex: z.int().min(0) }))
        .min(1, 'Select at least one item')
        .max(BULK_LIMIT, `Select at most ${BULK_LIMIT} items at once`),
    })
    .refine((bulk) => bulk.decision === 'approve' || hasVisibleText(bulk.comment ?? ''), {
      error: 'A comment explaining the rejection is required',
      path: ['comment'],
    }),
} as const;

export interface QueueResults {
  listQueue: QueuePageView;
  bulkDecide: BulkResultView;
}
