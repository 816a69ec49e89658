import { ConfluenceEmulator } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v2ErrorOf, v2List, v2Property } from './helpers';

const BYLINE = 'approvalflow-byline';
const approved = { title: 'Approved v4', icon: 'data:image/svg+xml;base64,PHN2Zy8+', tooltip: 'Approved by Bob Approver' };

async function createByline(site: ConfluenceEmulator): Promise<string> {
  const reply = await call(site, APP, 'POST', '/wiki/api/v2/pages/10020/properties', { key: BYLINE, value: approved });
  expectStatus(reply, 200);
  return v2Property.parse(reply.body).id;
}

describe('content properties', () => {
  it('creates a property at version 1, authored by the app', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'POST', '/wiki/api/v2/pages/10020/properties', { key: BYLINE, value: approved });
    expectStatus(reply, 200);
    const property = v2Property.parse(reply.body);
    expect(property).toMatchObject({ key: BYLINE, value: approved, version: { number: 1, authorId: site.appAccountId } });
    expect(site.propertyOf('10020', BYLINE)).toEqual(approved);
  });

  it('finds a property by key and by id', async () => {
    const site = ConfluenceEmulator.seeded();
    const id = await createByline(site);
    const byKey = v2List(v2Property).parse((await call(site, as('u-grace'), 'GET', `/wiki/api/v2/pages/10020/properties?key=${BYLINE}`)).body);
    expect(byKey.results.map((p) => p.id)).toEqual([id]);
    const byId = v2Property.parse((await call(site, as('u-grace'), 'GET', `/wiki/api/v2/pages/10020/properties/${id}`)).body);
    expect(byId.value).toEqual(approved);
  });

  it('refuses a second property with the same key', async () => {
    const site = ConfluenceEmulator.seeded();
    await createByline(site);
    v2ErrorOf(await call(site, APP, 'POST', '/wiki/api/v2/pages/10020/properties', { key: BYLINE, value: {} }), 409);
  });

  it('updates with the next version number and refuses a stale one', async () => {
    const site = ConfluenceEmulator.seeded();
    const id = await createByline(site);
    const path = `/wiki/api/v2/pages/10020/properties/${id}`;
    const outdated = { ...approved, title: 'Outdated' };
    const updated = await call(site, APP, 'PUT', path, { key: BYLINE, value: outdated, version: { number: 2 } });
    expectStatus(updated, 200);
    expect(v2Property.parse(updated.body).version.number).toBe(2);
    const stale = await call(site, APP, 'PUT', path, { key: BYLINE, value: approved, version: { number: 2 } });
    expect(v2ErrorOf(stale, 409).code).toBe('CONFLICT');
    expect(site.propertyOf('10020', BYLINE)).toEqual(outdated);
  });

  it('lets viewers read but not write', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await call(site, as('u-grace'), 'POST', '/wiki/api/v2/pages/10020/properties', { key: 'mine', value: 1 }), 403);
    v2ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/10040/properties'), 404);
  });

  it('refuses a value over 32 KB', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'POST', '/wiki/api/v2/pages/10020/properties', { key: 'big', value: 'x'.repeat(40000) });
    expect(v2ErrorOf(reply, 400).title).toContain('maximum size');
  });

  it('deletes a property', async () => {
    const site = ConfluenceEmulator.seeded();
    const id = await createByline(site);
    expectStatus(await call(site, APP, 'DELETE', `/wiki/api/v2/pages/10020/properties/${id}`), 204);
    v2ErrorOf(await call(site, APP, 'GET', `/wiki/api/v2/pages/10020/properties/${id}`), 404);
    expect(site.propertyOf('10020', BYLINE)).toBeUndefined();
  });

  it('does not serve a property through another page', async () => {
    const site = ConfluenceEmulator.seeded();
    const id = await createByline(site);
    v2ErrorOf(await call(site, APP, 'GET', `/wiki/api/v2/pages/10021/properties/${id}`), 404);
  });
});

describe('content properties included with a page', () => {
  it('are at most 50, with hasMore when the page has more (v2 OpenAPI, getPageById include-properties)', async () => {
    const site = ConfluenceEmulator.seeded();
    for (let n = 1; n <= 51; n += 1) expectStatus(await call(site, APP, 'POST', '/wiki/api/v2/pages/10020/properties', { key: `extra-${n}`, value: n }), 200);
    const reply = await call(site, as('u-alice'), 'GET', '/wiki/api/v2/pages/10020?include-properties=true');
    expectStatus(reply, 200);
    const included = (reply.body as { properties: { results: { key: string }[]; meta: { hasMore: boolean } } }).properties;
    expect(included.results).toHaveLength(50);
    expect(included.results.some((property) => property.key === 'extra-51')).toBe(false);
    expect(included.meta.hasMore).toBe(true);
  });
});
