/**
 * Which official-version properties are the app's. Like the byline property, anyone who can edit
 * the page can write it, so the app signs the value it stores with the byline's key and believes
 * only values whose signature it can recompute. The signature covers the property key and the page,
 * so neither a byline value nor another page's official version passes for this one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { OFFICIAL_VERSION_PROPERTY_KEY, type OfficialVersion, type SignedOfficialVersion, signedOfficialVersionSchema } from '../shared/official-version';
import { bylineSigningKey } from '../storage/byline-signing-key';

const signingInput = (pageId: string, value: OfficialVersion): string =>
  JSON.stringify([OFFICIAL_VERSION_PROPERTY_KEY, pageId, value.version, value.requestId, value.approvedAt]);

async function mac(pageId: string, value: OfficialVersion): Promise<Buffer> {
  return createHmac('sha256', await bylineSigningKey()).update(signingInput(pageId, value), 'utf8').digest();
}

export async function signOfficialVersion(pageId: string, value: OfficialVersion): Promise<SignedOfficialVersion> {
  const unsigned: OfficialVersion = { version: value.version, requestId: value.requestId, approvedAt: value.approvedAt };
  return { ...unsigned, signature: (await mac(pageId, unsigned)).toString('base64url') };
}

/** The stored value without its signature when the app signed it for this page; null for none or a forgery. */
export async function verifiedOfficialVersion(pageId: string, stored: unknown): Promise<OfficialVersion | null> {
  if (stored === undefined) return null;
  const parsed = signedOfficialVersionSchema.safeParse(stored);
  if (!parsed.success) return null;
  const { signature, ...value } = parsed.data;
  const expected = await mac(pageId, value);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
}
