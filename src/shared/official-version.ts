/**
 * The official version of a page: the version the "set official version" action recorded when the
 * page was approved, kept in a content property so people (the byline dialog) and integrators (the
 * REST API, or Confluence's own content property API) can read which version counts.
 */
import { z } from 'zod';

export const OFFICIAL_VERSION_PROPERTY_KEY = 'approvalflow-official-version';

export const officialVersionSchema = z.object({
  version: z.int().min(1),
  requestId: z.string().min(1),
  approvedAt: z.iso.datetime(),
});

export type OfficialVersion = z.infer<typeof officialVersionSchema>;

/** As stored: signed by the app, since anyone who can edit a page can write its properties. */
export const signedOfficialVersionSchema = officialVersionSchema.extend({ signature: z.string() });
export type SignedOfficialVersion = z.infer<typeof signedOfficialVersionSchema>;

/** "Official version: v7". */
export const officialVersionText = (official: OfficialVersion): string => `Official version: v${official.version}`;
