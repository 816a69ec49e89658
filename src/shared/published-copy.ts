/**
 * A published copy: the page the publish action made in a target space from an approved page.
 * The copy says where it came from and which version was approved in three places, all written by
 * the app: a content property (for integrations, `approvalflow-published-from`), a line at the
 * foot of its body (for readers) and its byline ("Published copy of Release Process v7"), which
 * replaces a status of its own: a copy is not submitted, its source is.
 */
import { z } from 'zod';
import { type BylineProperties } from './byline';
import { contentIdSchema, requestIdSchema, spaceKeySchema } from './contract/ids';
import { formatDay } from './status';
import { STATUS_ICONS } from './status-icons.generated';

export const PUBLISHED_FROM_PROPERTY_KEY = 'approvalflow-published-from';

export const publishedFromSchema = z.object({
  sourcePageId: contentIdSchema,
  sourceSpaceKey: spaceKeySchema,
  sourceTitle: z.string().min(1),
  approvedVersion: z.int().min(1),
  requestId: requestIdSchema,
  /** The request's revision when it entered the state that published: with requestId, the run that wrote the copy. */
  revision: z.int().min(0),
  /** When the version was approved (the request's decision), not when the copy was written: a re-run writes the same text. */
  approvedAt: z.iso.datetime(),
});

export type PublishedFrom = z.output<typeof publishedFromSchema>;

/** The byline of a copy, the same whoever writes it (the publish action, the dialog): revision 0, as for any page without a request. */
export function publishedCopyByline(from: PublishedFrom): BylineProperties {
  return {
    title: `Published copy of ${from.sourceTitle} v${from.approvedVersion}`,
    icon: STATUS_ICONS.approved,
    tooltip: `Copy of ${from.sourceTitle} (${from.sourceSpaceKey}), version ${from.approvedVersion} approved on ${formatDay(from.approvedAt)}. Submit the source page, not this copy.`,
  };
}
