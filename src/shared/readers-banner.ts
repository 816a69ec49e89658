/**
 * The readers' banner: what a page view tells readers about the version in front of them, read by
 * the `confluence:pageBanner` module straight from the byline content property (no app call).
 * The effects write it there beside the lozenge's title, icon and tooltip, names already
 * resolved, because the banner's one product read must be enough to draw it.
 *
 * Present only when readers need it: a review runs, or the current version is not the approved
 * one. Approved pages and pages no workflow touched carry no banner, so the module draws nothing.
 */
import { z } from 'zod';

export const approvedVersionSchema = z.object({
  version: z.int().min(1),
  /** The approvers' names, as the tooltip lists them. */
  by: z.string(),
  at: z.iso.datetime(),
});

export const readersBannerSchema = z.object({
  /** The page's current version, the one the reader sees. */
  version: z.int().min(1),
  /** Since when the running review waits, absent when none runs. */
  inReviewSince: z.iso.datetime().optional(),
  /** The approved version readers can open instead, absent when no version is approved. */
  approved: approvedVersionSchema.optional(),
});

export type ReadersBanner = z.infer<typeof readersBannerSchema>;
