import { z } from 'zod';
import { ConfluenceEmulator } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v2ErrorOf, v2List } from './helpers';

const comment = z.object({
  id: z.string(),
  status: z.literal('current'),
  title: z.string(),
  pageId: z.string(),
  parentCommentId: z.string().optional(),
  version: z.object({ number: z.number(), authorId: z.string(), createdAt: z.string() }),
  body: z.object({
    storage: z.object({ value: z.string() }).optional(),
    atlas_doc_format: z.object({ value: z.string() }).optional(),
  }),
  _links: z.object({ webui: z.string() }),
});

const mention = (accountId: string, name: string) => ({ type: 'mention', attrs: { id: accountId, text: `@${name}` } });
const adf = (...inline: unknown[]) => JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: inline }] });

async function post(site: ConfluenceEmulator, actor: Parameters<typeof call>[1], target: Record<string, string>, value: string) {
  return call(site, actor, 'POST', '/wiki/api/v2/footer-comments', { ...target, body: { representation: 'atlas_doc_format', value } });
}

describe('footer comments', () => {
  it('posts a submission comment as the app, mentioning the approvers', async () => {
    const site = ConfluenceEmulator.seeded();
    const value = adf({ type: 'text', text: 'Approval requested from ' }, mention('u-bob', 'Bob Approver'), { type: 'text', text: ' and ' }, mention('u-carol', 'Carol Approver'));
    const reply = await post(site, APP, { pageId: '10020' }, value);
    expectStatus(reply, 201);
    const created = comment.parse(reply.body);
    expect(created).toMatchObject({ pageId: '10020', title: 'Re: Release Process', version: { number: 1, authorId: site.appAccountId } });
    expect(created.body.atlas_doc_format?.value).toBe(value);
    expect(created.parentCommentId).toBeUndefined();
    expect(site.mentionsIn(created.id)).toEqual(['u-bob', 'u-carol']);
  });

  it('threads replies under the comment and lists them as its children', async () => {
    const site = ConfluenceEmulator.seeded();
    const root = comment.parse((await post(site, APP, { pageId: '10020' }, adf({ type: 'text', text: 'Submitted v4' }))).body);
    const reply = await post(site, APP, { parentCommentId: root.id }, adf(mention('u-alice', 'Alice Author'), { type: 'text', text: ' approved by Bob' }));
    expectStatus(reply, 201);
    const child = comment.parse(reply.body);
    expect(child).toMatchObject({ pageId: '10020', parentCommentId: root.id });
    expect(site.mentionsIn(child.id)).toEqual(['u-alice']);

    const roots = v2List(comment).parse((await call(site, as('u-bob'), 'GET', '/wiki/api/v2/pages/10020/footer-comments')).body);
    expect(roots.results.map((c) => c.id)).toEqual([root.id]);
    const children = v2List(comment).parse((await call(site, as('u-bob'), 'GET', `/wiki/api/v2/footer-comments/${root.id}/children`)).body);
    expect(children.results.map((c) => c.id)).toEqual([child.id]);
    expect(site.commentsOn('10020').map((c) => [c.id, c.mentions])).toEqual([
      [root.id, []],
      [child.id, ['u-alice']],
    ]);
  });

  it('records the commenting user as author when a person comments', async () => {
    const site = ConfluenceEmulator.seeded();
    const created = comment.parse((await post(site, as('u-grace'), { pageId: '10020' }, adf({ type: 'text', text: 'Looks good' }))).body);
    expect(created.version.authorId).toBe('u-grace');
  });

  it('converts an ADF comment to storage on request, mentions included', async () => {
    const site = ConfluenceEmulator.seeded();
    const created = comment.parse((await post(site, APP, { pageId: '10020' }, adf(mention('u-bob', 'Bob Approver')))).body);
    const asStorage = comment.parse((await call(site, APP, 'GET', `/wiki/api/v2/footer-comments/${created.id}?body-format=storage`)).body);
    expect(asStorage.body.storage?.value).toBe('<p><ac:link><ri:user ri:account-id="u-bob" /></ac:link></p>');
  });

  it('hides comments of pages the user cannot view', async () => {
    const site = ConfluenceEmulator.seeded();
    const secret = comment.parse((await post(site, as('u-frank'), { pageId: '10040' }, adf({ type: 'text', text: 'Root cause confirmed' }))).body);
    v2ErrorOf(await call(site, as('u-grace'), 'GET', `/wiki/api/v2/footer-comments/${secret.id}`), 404);
    v2ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/10040/footer-comments'), 404);
    v2ErrorOf(await post(site, as('u-grace'), { parentCommentId: secret.id }, adf({ type: 'text', text: 'Me too' })), 404);
    expectStatus(await call(site, as('u-bob'), 'GET', `/wiki/api/v2/footer-comments/${secret.id}`), 200);
  });

  it('rejects malformed ADF and a comment without a target', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await post(site, APP, { pageId: '10020' }, '{"type":"paragraph"}'), 400);
    v2ErrorOf(await post(site, APP, { pageId: '10020' }, 'not json'), 400);
    v2ErrorOf(await post(site, APP, {}, adf({ type: 'text', text: 'orphan' })), 400);
    expect(site.commentsOn('10020')).toEqual([]);
  });
});
