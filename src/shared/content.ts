/**
 * The kinds of Confluence content ApprovalFlow approves. Blog posts sit beside the page tree,
 * so they have no parent and inherit no subtree assignment.
 */
import { z } from 'zod';

export const contentTypeSchema = z.enum(['page', 'blogpost']);
export type ContentType = z.infer<typeof contentTypeSchema>;

/** How the product names each kind in sentences and labels. */
export const CONTENT_NOUNS: Record<ContentType, string> = { page: 'page', blogpost: 'blog post' };
export const CONTENT_LABELS: Record<ContentType, string> = { page: 'Page', blogpost: 'Blog post' };

/**
 * What the byline dialog says on a live doc. Live docs announce no `updated:page` event
 * (events-reference/confluence), so an approval could never notice an edit.
 */
export const LIVE_DOC_NOTICE =
  'Live docs are not versioned: ApprovalFlow approves published pages and blog posts. Publish this live doc as a page to submit it.';
