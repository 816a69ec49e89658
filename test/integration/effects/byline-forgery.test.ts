/**
 * A forged byline: Confluence lets anyone who may edit a page write its content properties, the
 * byline's too, so an editor can make a draft look approved through the REST API. The app signs
 * the values it writes; the dialog (on open) and the daily job (for pages nobody opens) put the
 * true status back, signed, and the page's history says what was found and what was written.
 */
import { kvs } from '@forge/kvs';
import { bylineSigner } from '../../../src/auth/byline-signature';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { bylineSigningKey } from '../../../src/storage/byline-signing-key';
import { ok, startApp, type TestApp } from '../support/app';
import { decideOnPage, submitPage, withdrawPage, writePropertyAs } from '../support/effects-journey';

const PAGE = '10020'; // Release Process (ENG): Alice and Bob may edit it, Grace only views it
const PROPERTIES = `/wiki/api/v2/pages/${PAGE}/properties`;

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({ name: 'Review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] }, 'default');
});

afterEach(() => app.close());

const FORGED = { title: 'Approved v4', icon: 'data:image/svg+xml,', tooltip: 'Approved by Bob Approver', revision: 999, signature: 'bm90IHRoZSBhcHA' };

const storedProperty = (): unknown => app.site().propertyOf(PAGE, BYLINE_PROPERTY_KEY);

async function signedByTheApp(): Promise<boolean> {
  return (await bylineSigner()).verified(PAGE, storedProperty()) !== undefined;
}

const repairs = async (viewer = 'u-grace') =>
  ok(await app.as(viewer).byline('getPageApproval', PAGE)).history.entries.filter((entry) => entry.type === 'byline.repaired').map((entry) => entry.summary);

describe('a forged byline', () => {
  it('is seen when the dialog opens: the true status is shown and the property repaired from the queue', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await withdrawPage(app, PAGE, 'u-alice');
    await app.drain();
    await writePropertyAs(app, PAGE, 'u-alice', FORGED);
    expect(app.bylineProperty(PAGE)?.title).toBe('Approved v4');

    const view = ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    expect(view.status).toBe('draft');
    expect(view.lozenge.text).toBe('Draft');
    const call = app.sandbox.ops.lastInvocation('resolver');
    const spent = app.sandbox.ops.forInvocation(call?.id ?? '');
    expect(spent.filter((entry) => entry.kind === 'confluence')).toHaveLength(1);
    expect(spent.filter((entry) => entry.kind === 'queue')).toHaveLength(1);

    await app.drain();
    expect(app.bylineProperty(PAGE)).toMatchObject({ title: 'Draft', tooltip: expect.stringMatching(/^Withdrawn by Alice Author on /) });
    expect(await signedByTheApp()).toBe(true);
    expect(await repairs()).toEqual(['ApprovalFlow repaired the byline: it showed "Approved v4", written by Alice Author, not by ApprovalFlow; it shows "Draft" again']);

    // Repaired once: the next dialog finds the app's own value and queues nothing.
    ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    const again = app.sandbox.ops.lastInvocation('resolver');
    expect(app.sandbox.ops.forInvocation(again?.id ?? '').filter((entry) => entry.kind === 'queue')).toHaveLength(0);
  });

  it('on a page nobody opens is repaired by the daily job', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await withdrawPage(app, PAGE, 'u-alice');
    await app.drain();
    await writePropertyAs(app, PAGE, 'u-bob', { title: 'Approved v4', icon: '', tooltip: 'Signed off' });

    const run = await app.sandbox.runScheduled('daily-maintenance-trigger');
    expect(run.ok).toBe(true);
    await app.drain();

    expect(app.bylineProperty(PAGE)?.title).toBe('Draft');
    expect(await signedByTheApp()).toBe(true);
    expect(await repairs()).toEqual(['ApprovalFlow repaired the byline: it showed "Approved v4", written by Bob Approver, not by ApprovalFlow; it shows "Draft" again']);
  });

  it('on a page the app never tracked is replaced by Draft when the dialog opens', async () => {
    await writePropertyAs(app, PAGE, 'u-alice', FORGED);
    ok(await app.as('u-alice').byline('getPageApproval', PAGE));
    await app.drain();
    expect(app.bylineProperty(PAGE)).toMatchObject({ title: 'Draft', tooltip: 'Not submitted for approval' });
    expect(await repairs()).toHaveLength(1);
  });

  it('is found when Confluence leaves it out of the 50 properties it includes with the page', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await withdrawPage(app, PAGE, 'u-alice');
    await app.drain();
    for (let n = 0; n < 50; n += 1) {
      const body = JSON.stringify({ key: `other-app-${n}`, value: true });
      await app.sandbox.requestConfluence({ method: 'POST', path: PROPERTIES, headers: { 'content-type': 'application/json' }, actor: { kind: 'user', accountId: 'u-bob' }, body });
    }
    // Replaced, so it comes after the 50 others and Confluence does not include it.
    const byline = JSON.parse((await app.sandbox.requestConfluence({ method: 'GET', path: `${PROPERTIES}?key=${BYLINE_PROPERTY_KEY}`, headers: {}, actor: { kind: 'app' } })).body) as { results: { id: string }[] };
    const deleted = await app.sandbox.requestConfluence({ method: 'DELETE', path: `${PROPERTIES}/${byline.results[0].id}`, headers: {}, actor: { kind: 'user', accountId: 'u-alice' } });
    expect(deleted.status).toBe(204);
    await writePropertyAs(app, PAGE, 'u-alice', FORGED);

    ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    await app.drain();
    expect(app.bylineProperty(PAGE)?.title).toBe('Draft');
    expect(await repairs()).toHaveLength(1);
  });

  it('is never kept by the effects for its high revision: the next change writes over it and records the repair', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    await writePropertyAs(app, PAGE, 'u-alice', FORGED);
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    expect(app.bylineProperty(PAGE)?.title).toBe('Approved v4');
    expect(await signedByTheApp()).toBe(true);
    expect(await repairs()).toHaveLength(1);
  });
});

describe('a signed byline of an earlier state', () => {
  it('is not a forgery: it is brought up to date without a repair entry', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    const earlier = storedProperty();
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    expect(app.bylineProperty(PAGE)?.title).toBe('Approved v4');

    // The app's own value for the page in review comes back (a late writer, or someone replaying it).
    await writePropertyAs(app, PAGE, 'u-alice', earlier);
    expect(app.bylineProperty(PAGE)?.title).toBe('In approval · step 1 of 1');
    expect(await signedByTheApp()).toBe(true);

    ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    await app.drain();
    expect(app.bylineProperty(PAGE)?.title).toBe('Approved v4');
    expect(await repairs()).toEqual([]);
  });

  it('of another page does not verify on this one', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    const signer = await bylineSigner();
    const stored = signer.sign(PAGE, { title: 'Approved v4', icon: '', tooltip: '' }, 50);
    expect(signer.verified(PAGE, stored)).toEqual(stored);
    expect(signer.verified('10021', stored)).toBeUndefined();
    expect(signer.verified(PAGE, { ...stored, revision: 51 })).toBeUndefined();
    expect(signer.verified(PAGE, { ...stored, title: 'Approved v5' })).toBeUndefined();
  });
});

describe('the signing key', () => {
  it('is created once when two first users race for it', async () => {
    expect(await kvs.getSecret('byline-signing-key')).toBeUndefined();
    app.sandbox.ops.reset();
    const [first, second] = await Promise.all([bylineSigningKey(), bylineSigningKey()]);
    // Both saw no key and tried to create one; the second creation was refused.
    expect(app.sandbox.ops.entries({ kind: 'secret' }).filter((entry) => entry.operation === 'set')).toHaveLength(2);
    expect(first.equals(second)).toBe(true);
    expect(Buffer.from((await kvs.getSecret<string>('byline-signing-key')) ?? '', 'base64').equals(first)).toBe(true);
  });

  it('never reaches the front end: the dialog gets signed values only', async () => {
    const view = ok(await app.as('u-alice').byline('submit', PAGE));
    const key = (await bylineSigningKey()).toString('base64');
    expect(view.byline.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(view)).not.toContain(key);
  });
});
