/**
 * Blog posts (Confluence v2 OpenAPI: `/blogposts`, `/blogposts/{id}`, `/spaces/{id}/blogposts`,
 * properties, footer comments, versions, labels) and live docs, which Confluence never
 * announces with `updated:page` (events-reference/confluence).
 */
import { z } from 'zod';
import { ConfluenceEmulator, DEMO_SPACES, type PageUpdatedEvent } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v2Version } from './helpers';

const blogPost = z
  .object({
    id: z.string(),
    status: z.enum(['current', 'draft', 'historical', 'trashed']),
    title: z.string(),
    spaceId: z.string(),
    authorId: z.string(),
    createdAt: z.string(),
    version: v2Version,
    body: z.object({ storage: z.object({ representation: z.literal('storage'), value: z.string() }).optional() }),
    _links: z.object({ webui: z.string(), editui: z.string(), tinyui: z.string() }).passthrough(),
  })
  .strict();
const list = <T extends z.ZodType>(item: T) => z.object({ results: z.array(item), _links: z.object({ next: z.string().optional() }).passthrough() });
const operations = z.object({ operations: z.object({ results: z.array(z.object({ operation: z.string(), targetType: z.string() })) }) });

const ENG = DEMO_SPACES.eng;
const RELEASE_POST = '10070';
const HR_POST = '20040';
const LIVE_DOC = '10080';

describe('blog posts in the emulator', () => {
  it('serves a blog post with the BlogPostSingle fields only: no parent, position or owner', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, as('u-grace'), 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}?body-format=storage`);
    expectStatus(reply, 200);
    const post = blogPost.extend({ _links: z.object({ webui: z.string(), editui: z.string(), tinyui: z.string(), base: z.string() }) }).parse(reply.body);
    expect(post).toMatchObject({ id: RELEASE_POST, spaceId: ENG, title: 'Release 4.2 is out', version: { number: 3, authorId: 'u-bob' } });
    expect(post._links.webui).toMatch(/^\/spaces\/ENG\/blog\/\d{4}\/\d{2}\/\d{2}\/10070\//);
    expect(post.body.storage?.value).toContain('Thanks to everyone');
  });

  it('is not a page: the page endpoints answer 404 for it, and the blog post endpoints for a page', async () => {
    const site = ConfluenceEmulator.seeded();
    expectStatus(await call(site, APP, 'GET', `/wiki/api/v2/pages/${RELEASE_POST}`), 404);
    expectStatus(await call(site, APP, 'GET', `/wiki/api/v2/blogposts/10020`), 404);
  });

  it('lists a space blog posts apart from its pages, and not in the page tree', async () => {
    const site = ConfluenceEmulator.seeded();
    const posts = list(blogPost).parse((await call(site, as('u-grace'), 'GET', `/wiki/api/v2/spaces/${ENG}/blogposts`)).body);
    expect(posts.results.map((p) => p.id)).toEqual([RELEASE_POST, '10071']);
    const pages = list(z.object({ id: z.string() })).parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${ENG}/pages?limit=250`)).body);
    expect(pages.results.map((p) => p.id)).not.toContain(RELEASE_POST);
    const roots = list(z.object({ id: z.string() })).parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${ENG}/pages?depth=root`)).body);
    expect(roots.results.map((p) => p.id)).toEqual(['10001']);
    const children = list(z.object({ id: z.string() })).parse((await call(site, APP, 'GET', `/wiki/api/v2/pages/10001/direct-children?limit=250`)).body);
    expect(children.results.map((c) => c.id)).not.toContain(RELEASE_POST);
    const byId = list(blogPost).parse((await call(site, APP, 'GET', `/wiki/api/v2/blogposts?id=${RELEASE_POST},${HR_POST}`)).body);
    expect(byId.results.map((p) => p.id)).toEqual([RELEASE_POST, HR_POST]);
  });

  it('keeps every version, newest first, each naming the blog post', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'GET', `/wiki/api/v2/blogposts/${HR_POST}/versions`);
    const versions = list(v2Version.extend({ blogpost: z.object({ id: z.string(), title: z.string() }) })).parse(reply.body);
    expect(versions.results.map((v) => v.number)).toEqual([3, 2, 1]);
    expect(versions.results[0].blogpost.id).toBe(HR_POST);
    const old = blogPost.passthrough().parse((await call(site, APP, 'GET', `/wiki/api/v2/blogposts/${HR_POST}?version=1`)).body);
    expect(old.status).toBe('historical');
  });

  it('is permissioned like a page: space access, restrictions, and the blog post space permissions for edits', async () => {
    const site = ConfluenceEmulator.seeded();
    // Ivan has no access to People & Policies at all.
    expectStatus(await call(site, as('u-ivan'), 'GET', `/wiki/api/v2/blogposts/${HR_POST}`), 404);
    const ops = async (who: string) =>
      operations.parse((await call(site, as(who), 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}?include-operations=true`)).body).operations.results;
    expect(await ops('u-alice')).toEqual(expect.arrayContaining([{ operation: 'update', targetType: 'blogpost' }]));
    expect((await ops('u-grace')).map((o) => o.operation)).toEqual(['read']);
    // A restriction through the v1 content endpoint applies to blog posts too.
    expectStatus(await call(site, APP, 'PUT', `/wiki/rest/api/content/${RELEASE_POST}/restriction`, [{ operation: 'read', restrictions: { user: [{ accountId: 'u-bob' }] } }]), 200);
    expectStatus(await call(site, as('u-grace'), 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}`), 404);
    expectStatus(await call(site, as('u-bob'), 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}`), 200);
    // Someone who may edit pages but not blog posts cannot edit a blog post.
    site.addUser({ accountId: 'u-pages-only', displayName: 'Pages Only' });
    site.grantSpacePermission(ENG, { type: 'user', id: 'u-pages-only' }, { key: 'read', targetType: 'space' });
    site.grantSpacePermission(ENG, { type: 'user', id: 'u-pages-only' }, { key: 'create', targetType: 'page' });
    expect(site.canEdit('u-pages-only', '10020')).toBe(true);
    expect(site.canEdit('u-pages-only', '10071')).toBe(false);
    expect(() => site.editPage('10071', 'u-pages-only', { body: '<p>x</p>' })).toThrow(/permission/);
  });

  it('carries content properties, labels and footer comments under its own paths', async () => {
    const site = ConfluenceEmulator.seeded();
    const created = await call(site, APP, 'POST', `/wiki/api/v2/blogposts/${RELEASE_POST}/properties`, { key: 'approval-status', value: { title: 'Approved' } });
    expectStatus(created, 200);
    const props = list(z.object({ key: z.string(), value: z.unknown() })).parse((await call(site, as('u-grace'), 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}/properties?key=approval-status`)).body);
    expect(props.results).toEqual([expect.objectContaining({ key: 'approval-status', value: { title: 'Approved' } })]);
    // Grace may read but not edit: writing a property is refused.
    expectStatus(await call(site, as('u-grace'), 'POST', `/wiki/api/v2/blogposts/${RELEASE_POST}/properties`, { key: 'x', value: 1 }), 403);

    expectStatus(await call(site, APP, 'POST', `/wiki/rest/api/content/${RELEASE_POST}/label`, [{ prefix: 'global', name: 'release' }]), 200);
    const labels = list(z.object({ name: z.string() })).parse((await call(site, APP, 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}/labels`)).body);
    expect(labels.results.map((l) => l.name)).toEqual(['release']);

    const body = { representation: 'storage', value: '<p>Submitted for approval</p>' };
    expectStatus(await call(site, APP, 'POST', '/wiki/api/v2/footer-comments', { pageId: RELEASE_POST, body }), 404);
    const comment = await call(site, APP, 'POST', '/wiki/api/v2/footer-comments', { blogPostId: RELEASE_POST, body });
    expectStatus(comment, 201);
    expect(comment.body).toMatchObject({ blogPostId: RELEASE_POST });
    expect(comment.body).not.toHaveProperty('pageId');
    const roots = list(z.object({ id: z.string() })).parse((await call(site, as('u-grace'), 'GET', `/wiki/api/v2/blogposts/${RELEASE_POST}/footer-comments`)).body);
    expect(roots.results).toHaveLength(1);
    const reply = await call(site, APP, 'POST', '/wiki/api/v2/footer-comments', { parentCommentId: roots.results[0].id, body });
    expectStatus(reply, 201);
    expect(reply.body).toMatchObject({ blogPostId: RELEASE_POST, parentCommentId: roots.results[0].id });
  });

  it('announces an edit of a blog post as a blog post, a new version each time', () => {
    const site = ConfluenceEmulator.seeded();
    const events: PageUpdatedEvent[] = [];
    site.onPageUpdated((event) => events.push(event));
    const event = site.editPage(RELEASE_POST, 'u-alice', { body: '<p>Release 4.2 shipped.</p>' });
    expect(event).toMatchObject({ pageId: RELEASE_POST, contentType: 'blogpost', version: 4, editorAccountId: 'u-alice' });
    expect(events).toEqual([event]);
    expect(site.page(RELEASE_POST)?.version).toBe(4);
  });

  it('does not announce edits of a live doc, and says it is one in page listings only', async () => {
    const site = ConfluenceEmulator.seeded();
    const events: PageUpdatedEvent[] = [];
    site.onPageUpdated((event) => events.push(event));
    expect(site.editPage(LIVE_DOC, 'u-alice', { body: '<p>Notes, edited live.</p>' })).toBeNull();
    expect(events).toEqual([]);
    const listed = list(z.object({ id: z.string(), subtype: z.string().nullable() })).parse((await call(site, APP, 'GET', `/wiki/api/v2/pages?id=${LIVE_DOC},10020`)).body);
    expect(listed.results).toEqual([{ id: '10020', subtype: null }, { id: LIVE_DOC, subtype: 'live' }].map((p) => expect.objectContaining(p)));
    // PageSingle has no subtype in the OpenAPI: a single page read does not reveal it.
    expect((await call(site, APP, 'GET', `/wiki/api/v2/pages/${LIVE_DOC}`)).body).not.toHaveProperty('subtype');
  });
});
