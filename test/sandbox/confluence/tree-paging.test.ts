import { z } from 'zod';
import { ConfluenceEmulator } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v2Child, v2ErrorOf, v2List } from './helpers';

const children = v2List(v2Child);

/** A page in ENG with `count` children, alternating pages and folders. */
function siteWithWideParent(count: number): { site: ConfluenceEmulator; parentId: string; childIds: string[] } {
  const site = ConfluenceEmulator.seeded();
  const parent = site.addPage({ spaceId: '1001', parentId: '10001', title: 'Component Catalogue', authorId: 'u-alice' });
  const childIds = Array.from({ length: count }, (_, i) => {
    const input = { spaceId: '1001', parentId: parent.id, title: `Component ${i + 1}`, authorId: 'u-alice' };
    return (i % 5 === 4 ? site.addFolder(input) : site.addPage(input)).id;
  });
  return { site, parentId: parent.id, childIds };
}

async function walk(site: ConfluenceEmulator, firstPath: string): Promise<{ ids: string[]; pageSizes: number[] }> {
  const ids: string[] = [];
  const pageSizes: number[] = [];
  let path: string | undefined = firstPath;
  while (path !== undefined) {
    const reply = await call(site, APP, 'GET', path);
    expectStatus(reply, 200);
    const page = children.parse(reply.body);
    ids.push(...page.results.map((c) => c.id));
    pageSizes.push(page.results.length);
    path = page._links.next;
  }
  return { ids, pageSizes };
}

describe('v2 cursor paging of direct children', () => {
  it('visits every one of 300 children exactly once, in tree order, 250 at a time', async () => {
    const { site, parentId, childIds } = siteWithWideParent(300);
    const { ids, pageSizes } = await walk(site, `/wiki/api/v2/pages/${parentId}/direct-children?limit=250`);
    expect(pageSizes).toEqual([250, 50]);
    expect(ids).toEqual(childIds);
  });

  it('clamps an oversized limit to 250 and announces the next page in the Link header', async () => {
    const { site, parentId } = siteWithWideParent(260);
    const reply = await call(site, APP, 'GET', `/wiki/api/v2/pages/${parentId}/direct-children?limit=1000`);
    const page = children.parse(reply.body);
    expect(page.results).toHaveLength(250);
    expect(page._links.next).toMatch(new RegExp(`^/wiki/api/v2/pages/${parentId}/direct-children\\?limit=1000&cursor=`));
    expect(reply.headers.link).toBe(`<${page._links.next}>; rel="next", <${page._links.base}>; rel="base"`);
  });

  it('reports folders and pages with their type and child position', async () => {
    const { site, parentId } = siteWithWideParent(5);
    const page = children.parse((await call(site, APP, 'GET', `/wiki/api/v2/pages/${parentId}/direct-children`)).body);
    expect(page.results.map((c) => [c.title, c.type, c.childPosition])).toEqual([
      ['Component 1', 'page', 1],
      ['Component 2', 'page', 2],
      ['Component 3', 'page', 3],
      ['Component 4', 'page', 4],
      ['Component 5', 'folder', 5],
    ]);
    expect(page._links.next).toBeUndefined();
  });

  it('neither repeats nor skips children when one is added between two pages', async () => {
    const { site, parentId, childIds } = siteWithWideParent(30);
    const first = children.parse((await call(site, APP, 'GET', `/wiki/api/v2/pages/${parentId}/direct-children?limit=20`)).body);
    const late = site.addPage({ spaceId: '1001', parentId, title: 'Component late', authorId: 'u-bob' });
    const rest = await walk(site, first._links.next ?? '');
    expect([...first.results.map((c) => c.id), ...rest.ids]).toEqual([...childIds, late.id]);
  });

  it('rejects a forged cursor with a v2 400', async () => {
    const site = ConfluenceEmulator.seeded();
    const error = v2ErrorOf(await call(site, APP, 'GET', '/wiki/api/v2/pages/10001/direct-children?cursor=not-a-cursor'), 400);
    expect(error.code).toBe('INVALID_REQUEST_PARAMETER');
  });

  it('hides restricted children from users outside the restriction', async () => {
    const site = ConfluenceEmulator.seeded();
    const titles = async (accountId: string) =>
      children.parse((await call(site, as(accountId), 'GET', '/wiki/api/v2/pages/10001/direct-children')).body).results.map((c) => c.id);
    expect(await titles('u-bob')).toEqual(['10010', '10020', '10030', '10040', '10050']);
    expect(await titles('u-grace')).toEqual(['10010', '10020', '10030', '10050']);
  });
});

describe('folders and ancestors', () => {
  const ancestors = z.object({
    results: z.array(z.object({ id: z.string(), type: z.enum(['page', 'folder']) })),
    _links: z.object({ base: z.string() }),
  });

  it('lists ancestors root first, through folders', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = ancestors.parse((await call(site, APP, 'GET', '/wiki/api/v2/pages/10014/ancestors')).body);
    expect(reply.results).toEqual([
      { id: '10001', type: 'page' },
      { id: '10010', type: 'folder' },
      { id: '10011', type: 'page' },
      { id: '10013', type: 'page' },
    ]);
  });

  it('keeps the nearest ancestors when the limit is smaller than the depth', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = ancestors.parse((await call(site, APP, 'GET', '/wiki/api/v2/pages/10014/ancestors?limit=2')).body);
    expect(reply.results.map((a) => a.id)).toEqual(['10011', '10013']);
  });

  it('serves a folder and its children, and 404s a page id asked for as a folder', async () => {
    const site = ConfluenceEmulator.seeded();
    const folder = z
      .object({ id: z.string(), type: z.literal('folder'), title: z.string(), parentId: z.string(), spaceId: z.string() })
      .parse((await call(site, APP, 'GET', '/wiki/api/v2/folders/10010')).body);
    expect(folder).toMatchObject({ id: '10010', title: 'Architecture', parentId: '10001', spaceId: '1001' });
    const inside = children.parse((await call(site, APP, 'GET', '/wiki/api/v2/folders/10010/direct-children')).body);
    expect(inside.results.map((c) => c.title)).toEqual(['Architecture Decision Records']);
    v2ErrorOf(await call(site, APP, 'GET', '/wiki/api/v2/folders/10020'), 404);
  });
});

describe('space listings', () => {
  const spaces = v2List(z.object({ id: z.string(), key: z.string(), name: z.string(), homepageId: z.string() }));

  it('pages through spaces with a cursor and filters by key', async () => {
    const site = ConfluenceEmulator.seeded();
    const first = spaces.parse((await call(site, APP, 'GET', '/wiki/api/v2/spaces?limit=2')).body);
    const second = spaces.parse((await call(site, APP, 'GET', first._links.next ?? '')).body);
    expect([...first.results, ...second.results].map((s) => s.key)).toEqual(['ENG', 'HR', 'PUB']);
    expect(second._links.next).toBeUndefined();
    const filtered = spaces.parse((await call(site, APP, 'GET', '/wiki/api/v2/spaces?keys=HR,PUB')).body);
    expect(filtered.results.map((s) => s.name)).toEqual(['People & Policies', 'Published Handbook']);
  });

  it('shows a user only the spaces they may view', async () => {
    const site = ConfluenceEmulator.seeded();
    const visible = spaces.parse((await call(site, as('u-ivan'), 'GET', '/wiki/api/v2/spaces')).body);
    expect(visible.results.map((s) => s.key)).toEqual(['ENG']);
    v2ErrorOf(await call(site, as('u-ivan'), 'GET', '/wiki/api/v2/spaces/1002'), 404);
  });

  it('lists only root pages with depth=root, and all visible pages otherwise', async () => {
    const site = ConfluenceEmulator.seeded();
    const pages = v2List(z.object({ id: z.string(), title: z.string() }));
    const roots = pages.parse((await call(site, APP, 'GET', '/wiki/api/v2/spaces/1001/pages?depth=root')).body);
    expect(roots.results.map((p) => p.title)).toEqual(['Engineering Home']);
    const all = pages.parse((await call(site, as('u-grace'), 'GET', '/wiki/api/v2/spaces/1001/pages?limit=250')).body);
    const ids = all.results.map((p) => p.id);
    expect(ids).toContain('10052');
    expect(ids).not.toContain('10040');
    expect(ids).not.toContain('10041');
    expect(ids).not.toContain('10060');
  });
});
