/** The byline signature covers the readers' banner, and values written before the banner existed still verify. */
import { bylineSigner, bylineSigningInput } from '../../src/auth/byline-signature';
import { BYLINE_PROPERTY_KEY } from '../../src/shared/byline';
import { type TestApp, startApp } from '../integration/support/app';

const BYLINE = { title: 'Outdated (approved v4, current v5)', icon: 'data:image/svg+xml,x', tooltip: 'Version 4 was approved' };
const BANNER = { version: 5, approved: { version: 4, by: 'Bob Approver', at: '2026-12-02T10:00:00.000Z' } };

let app: TestApp;
beforeEach(async () => {
  app = await startApp();
});
afterEach(() => app.close());

describe('the byline signature and the readers banner', () => {
  it('verifies a signed banner, and refuses one whose banner was changed after signing', async () => {
    const signer = await bylineSigner();
    const signed = signer.sign('10020', { ...BYLINE, banner: BANNER }, 3);
    expect(signer.verified('10020', signed)).toEqual(signed);
    expect(signer.verified('10020', { ...signed, banner: { ...BANNER, approved: { ...BANNER.approved, version: 1 } } })).toBeUndefined();
    expect(signer.verified('10020', { ...signed, banner: undefined })).toBeUndefined();
  });

  it('refuses a banner added to a value signed without one', async () => {
    const signer = await bylineSigner();
    const signed = signer.sign('10020', BYLINE, 3);
    expect(signer.verified('10020', signed)).toEqual(signed);
    expect(signer.verified('10020', { ...signed, banner: BANNER })).toBeUndefined();
  });

  it('signs a value without a banner in the form used before the banner existed, and one with it in a fixed order', () => {
    expect(bylineSigningInput('10020', { ...BYLINE, revision: 3 })).toBe(JSON.stringify([BYLINE_PROPERTY_KEY, '10020', 3, BYLINE.title, BYLINE.icon, BYLINE.tooltip]));
    const reordered = { approved: { at: BANNER.approved.at, by: BANNER.approved.by, version: 4 }, version: 5 };
    expect(bylineSigningInput('10020', { ...BYLINE, revision: 3, banner: reordered })).toBe(
      JSON.stringify([BYLINE_PROPERTY_KEY, '10020', 3, BYLINE.title, BYLINE.icon, BYLINE.tooltip, [5, null, [4, 'Bob Approver', BANNER.approved.at]]]),
    );
  });
});
