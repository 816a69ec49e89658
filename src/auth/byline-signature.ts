/**
 * Which byline values are the app's. Confluence lets anyone who can edit a page write its content
 * properties, the byline's too, so a lozenge reading "Approved" proves nothing by itself; the app
 * signs every value it stores (HMAC-SHA256 with the key in its secret storage) and believes only
 * values whose signature it can recompute. The signature covers what readers see (title, icon,
 * tooltip), which page, which page state (revision) and which property, so a value copied to
 * another page, or with its revision raised to outrank the app's next write, does not verify.
 *
 * Canonical form signed (docs/byline.md): the UTF-8 bytes of the JSON array
 * `[propertyKey, pageId, revision, title, icon, tooltip]`, with the readers' banner appended as a
 * seventh element when the value has one, `[version, inReviewSince | null, [approvedVersion, by,
 * at] | null]` (so values stored before the banner existed still verify); the signature is the
 * HMAC's base64url.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { BYLINE_PROPERTY_KEY, type BylinePropertyValue, type BylineState } from '../shared/byline';
import { readersBannerSchema } from '../shared/readers-banner';
import { bylineSigningKey } from '../storage/byline-signing-key';

const signedValueSchema = z.object({
  title: z.string(),
  icon: z.string(),
  tooltip: z.string(),
  revision: z.int().min(0),
  banner: readersBannerSchema.optional(),
  signature: z.string(),
});

export function bylineSigningInput(pageId: string, value: BylineState): string {
  const signed: unknown[] = [BYLINE_PROPERTY_KEY, pageId, value.revision, value.title, value.icon, value.tooltip];
  const { banner } = value;
  if (banner !== undefined) {
    const { approved } = banner;
    signed.push([banner.version, banner.inReviewSince ?? null, approved === undefined ? null : [approved.version, approved.by, approved.at]]);
  }
  return JSON.stringify(signed);
}

export interface BylineSigner {
  sign(pageId: string, byline: Omit<BylineState, 'revision'>, revision: number): BylinePropertyValue;
  /** The stored value if it carries the app's signature for this page, else undefined. */
  verified(pageId: string, stored: unknown): BylinePropertyValue | undefined;
}

/** Reads the key once (per invocation, see byline-signing-key.ts); signing and checking are then free. */
export async function bylineSigner(): Promise<BylineSigner> {
  const key = await bylineSigningKey();
  const mac = (pageId: string, value: BylineState): Buffer =>
    createHmac('sha256', key).update(bylineSigningInput(pageId, value), 'utf8').digest();
  return {
    sign: (pageId, byline, revision) => {
      const unsigned: BylineState = { title: byline.title, icon: byline.icon, tooltip: byline.tooltip, revision, ...(byline.banner === undefined ? {} : { banner: byline.banner }) };
      return { ...unsigned, signature: mac(pageId, unsigned).toString('base64url') };
    },
    verified: (pageId, stored) => {
      const parsed = signedValueSchema.safeParse(stored);
      if (!parsed.success) return undefined;
      const expected = mac(pageId, parsed.data);
      const given = Buffer.from(parsed.data.signature, 'base64url');
      return given.length === expected.length && timingSafeEqual(given, expected) ? parsed.data : undefined;
    },
  };
}
