import { z } from 'zod';
import { ConfluenceEmulator, type PageUpdatedEvent } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v1ErrorOf, v2Child, v2List, v2Page } from './helpers';

const v1Content = z.object({
  id: z.string(),
  type: z.literal('page'),
  status: z.literal('current'),
  title: z.string(),
  space: z.object({ id: z.number(), key: z.string() }),
  version: z.object({ number: z.number(), by: z.object({ accountId: z.string() }) }),
  _links: z.object({ webui: z.string(), self: z.string() }),
});

const longTask = z.object({
  id: z.string(),
  finished: z.literal(true),
  successful: z.boolean(),
  percentageComplete: z.number(),
  errors: z.array(z.object({ translation: z.string() })),
  additionalDetails: z.object({ destinationId: z.string(), totalPageNeedToCopy: z.number() }),
});

const copyToHandbook = { destination: { type: 'parent_page', value: '30010' }, copyLabels: true, copyProperties: false, copyPermissions: false, copyAttachments: false };

describe('POST /wiki/rest/api/content/{id}/copy', () => {
  it('copies a page with its labels under a parent page in the publishing space', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'POST', '/wiki/rest/api/content/10020/copy', copyToHandbook);
    expectStatus(reply, 200);
    const copy = v1Content.parse(reply.body);
    expect(copy).toMatchObject({ title: 'Release Process', space: { id: 1003, key: 'PUB' }, version: { number: 1, by: { accountId: site.appAccountId } } });
    const page = v2Page.parse((await call(site, as('u-grace'), 'GET', `/wiki/api/v2/pages/${copy.id}?body-format=storage`)).body);
    expect(page).toMatchObject({ spaceId: '1003', parentId: '30010' });
    expect(page.body.storage?.value).toBe(site.page('10020')?.body);
    expect(site.labelsOf(copy.id)).toEqual(['process']);
  });

  it('refuses a second copy with the same title in the space', async () => {
    const site = ConfluenceEmulator.seeded();
    expectStatus(await call(site, APP, 'POST', '/wiki/rest/api/content/10020/copy', copyToHandbook), 200);
    const error = v1ErrorOf(await call(site, APP, 'POST', '/wiki/rest/api/content/10020/copy', copyToHandbook), 400);
    expect(error.message).toContain('already exists');
  });

  it('overwrites an existing copy as a new version, which is a page update', async () => {
    const site = ConfluenceEmulator.seeded();
    const first = v1Content.parse((await call(site, APP, 'POST', '/wiki/rest/api/content/10020/copy', copyToHandbook)).body);
    site.editPage('10020', 'u-alice', { body: '<p>Releases ship weekly.</p>' });
    const events: PageUpdatedEvent[] = [];
    site.onPageUpdated((e) => events.push(e));
    const reply = await call(site, APP, 'POST', '/wiki/rest/api/content/10020/copy', { destination: { type: 'existing_page', value: first.id } });
    const again = v1Content.parse(reply.body);
    expect(again.id).toBe(first.id);
    expect(again.version.number).toBe(2);
    expect(site.page(first.id)?.body).toBe('<p>Releases ship weekly.</p>');
    expect(events.map((e) => [e.pageId, e.version])).toEqual([[first.id, 2]]);
  });

  it('copies content properties and restrictions when asked, to the root of a space given by key', async () => {
    const site = ConfluenceEmulator.seeded();
    const review = { reviewedBy: 'u-dana' };
    expectStatus(await call(site, APP, 'POST', '/wiki/api/v2/pages/20015/properties', { key: 'legal-review', value: review }), 200);
    const reply = await call(site, APP, 'POST', '/wiki/rest/api/content/20015/copy', {
      destination: { type: 'space', value: 'PUB' },
      copyPermissions: true,
      copyProperties: true,
    });
    const copy = v1Content.parse(reply.body);
    expect(site.page(copy.id)?.parentId).toBeNull();
    expect(site.propertyOf(copy.id, 'legal-review')).toEqual(review);
    expect(site.canView('u-grace', copy.id)).toBe(false);
    expect(site.canView('u-dana', copy.id)).toBe(true);
  });

  it('needs permission to add pages in the destination space', async () => {
    const site = ConfluenceEmulator.seeded();
    v1ErrorOf(await call(site, as('u-alice'), 'POST', '/wiki/rest/api/content/10020/copy', copyToHandbook), 403);
    expect(site.childrenOf('30010')).toEqual([]);
  });
});

describe('POST /wiki/rest/api/content/{id}/pagehierarchy/copy', () => {
  async function copyHierarchy(site: ConfluenceEmulator, sourceId: string, body: unknown) {
    const accepted = await call(site, APP, 'POST', `/wiki/rest/api/content/${sourceId}/pagehierarchy/copy`, body);
    expectStatus(accepted, 202);
    const { links } = z.object({ id: z.string(), links: z.object({ status: z.string() }) }).parse(accepted.body);
    const status = await call(site, APP, 'GET', `/wiki${links.status}`);
    expectStatus(status, 200);
    return longTask.parse(status.body);
  }

  it('copies a page with all its descendants, renamed, and reports the new root through the long task', async () => {
    const site = ConfluenceEmulator.seeded();
    const task = await copyHierarchy(site, '20011', { destinationPageId: '30020', copyLabels: true, titleOptions: { prefix: 'Published: ' } });
    expect(task).toMatchObject({ successful: true, percentageComplete: 100, additionalDetails: { totalPageNeedToCopy: 3 } });
    const rootId = task.additionalDetails.destinationId;
    expect(site.page(rootId)).toMatchObject({ title: 'Published: Remote Work Policy', spaceId: '1003', parentId: '30020' });
    expect(site.labelsOf(rootId)).toEqual(['hr', 'policy']);
    const kids = v2List(v2Child).parse((await call(site, APP, 'GET', `/wiki/api/v2/pages/${rootId}/direct-children`)).body);
    expect(kids.results.map((c) => c.title)).toEqual(['Published: Home Office Equipment Allowance']);
    const grandchildren = site.childrenOf(kids.results[0].id).map((c) => c.title);
    expect(grandchildren).toEqual(['Published: Equipment Request Form Guide']);
  });

  it('fails the task without writing anything when a title would clash', async () => {
    const site = ConfluenceEmulator.seeded();
    site.addPage({ spaceId: '1003', parentId: '30010', title: 'Hotfix Procedure', authorId: 'u-frank' });
    const task = await copyHierarchy(site, '10020', { destinationPageId: '30010' });
    expect(task.successful).toBe(false);
    expect(task.errors.map((e) => e.translation)).toEqual(['A page with this title already exists in the destination space: Hotfix Procedure']);
    expect(site.childrenOf('30010').map((c) => c.title)).toEqual(['Hotfix Procedure']);
  });

  it('copies only what the caller can see, and refuses a copy into the source itself', async () => {
    const site = ConfluenceEmulator.seeded();
    const accepted = await call(site, as('u-frank'), 'POST', '/wiki/rest/api/content/10001/pagehierarchy/copy', { destinationPageId: '10020' });
    v1ErrorOf(accepted, 400);
    site.setRestriction('10022', 'read', { users: ['u-bob'] });
    const reply = await call(site, as('u-frank'), 'POST', '/wiki/rest/api/content/10020/pagehierarchy/copy', { destinationPageId: '30010', titleOptions: { prefix: 'v1 ' } });
    expectStatus(reply, 202);
    const titles = site.childrenOf('30010').flatMap((root) => [root.title, ...site.childrenOf(root.id).map((c) => c.title)]);
    expect(titles).toEqual(['v1 Release Process', 'v1 Release Checklist']);
  });

  it('keeps a long task private to the person who started it', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, as('u-frank'), 'POST', '/wiki/rest/api/content/10022/pagehierarchy/copy', { destinationPageId: '30010' });
    const { id } = z.object({ id: z.string() }).parse(reply.body);
    expectStatus(await call(site, as('u-frank'), 'GET', `/wiki/rest/api/longtask/${id}`), 200);
    v1ErrorOf(await call(site, as('u-grace'), 'GET', `/wiki/rest/api/longtask/${id}`), 404);
  });
});
