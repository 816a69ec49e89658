import { ConfluenceEmulator } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus } from './helpers';

const mention = JSON.stringify({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'mention', attrs: { id: 'u-bob', text: '@Bob Approver' } }] }] });

async function busySite(): Promise<ConfluenceEmulator> {
  const site = ConfluenceEmulator.seeded();
  site.editPage('10020', 'u-alice', { title: 'Release Process (2027)' });
  expectStatus(await call(site, APP, 'POST', '/wiki/api/v2/pages/10020/properties', { key: 'approvalflow-byline', value: { title: 'In Approval' } }), 200);
  expectStatus(await call(site, APP, 'POST', '/wiki/api/v2/footer-comments', { pageId: '10020', body: { representation: 'atlas_doc_format', value: mention } }), 201);
  expectStatus(await call(site, APP, 'PUT', '/wiki/rest/api/content/20014/restriction/byOperation/read/user?accountId=u-carol'), 200);
  expectStatus(await call(site, APP, 'POST', '/wiki/rest/api/content/10020/label', [{ prefix: 'global', name: 'in-review' }]), 200);
  return site;
}

describe('snapshot and restore', () => {
  it('round-trips the whole site through JSON', async () => {
    const site = await busySite();
    const restored = ConfluenceEmulator.restore(JSON.parse(JSON.stringify(site.snapshot())));
    expect(restored.snapshot()).toEqual(site.snapshot());
    const paths = [
      '/wiki/api/v2/pages/10020?body-format=storage&include-labels=true&include-properties=true',
      '/wiki/api/v2/pages/10020/footer-comments?body-format=atlas_doc_format',
      '/wiki/api/v2/pages/10020/versions',
      '/wiki/rest/api/content/20014/restriction',
    ];
    for (const path of paths) {
      expect((await call(restored, APP, 'GET', path)).body).toEqual((await call(site, APP, 'GET', path)).body);
    }
    expect(restored.commentsOn('10020').map((c) => c.mentions)).toEqual([['u-bob']]);
    expectStatus(await call(restored, as('u-grace'), 'GET', '/wiki/api/v2/pages/20014'), 404);
  });

  it('keeps allocating fresh ids after a restore', async () => {
    const site = await busySite();
    const restored = ConfluenceEmulator.restore(site.snapshot());
    const existing = new Set(restored.commentsOn('10020').map((c) => c.id));
    const added = restored.addPage({ spaceId: '1001', title: 'After restore', authorId: 'u-alice' });
    expect(existing.has(added.id)).toBe(false);
    expect(site.page(added.id)).toBeUndefined();
  });

  it('is independent of the site it came from', async () => {
    const site = await busySite();
    const snapshot = site.snapshot();
    site.editPage('10020', 'u-alice', { body: '<p>Changed after the snapshot.</p>' });
    const restored = ConfluenceEmulator.restore(snapshot);
    expect(restored.page('10020')?.version).toBe(5);
    expect(site.page('10020')?.version).toBe(6);
  });

  it('keeps every tree, title, property and comment rule after a restore, renames and moves (lookups rebuilt, kept up)', async () => {
    const site = ConfluenceEmulator.restore((await busySite()).snapshot());
    // The renamed page's old title is free; its new one, in any case, is not.
    expect(site.addPage({ spaceId: '1001', title: 'Release Process', authorId: 'u-alice' }).title).toBe('Release Process');
    expect(() => site.addPage({ spaceId: '1001', title: 'RELEASE PROCESS (2027)', authorId: 'u-alice' })).toThrow(/already exists/);
    // A child moved under another page goes last there; the next child of its old parent still goes last.
    const before = site.childrenOf('10001').map((child) => child.id);
    const moved = site.childrenOf('10001').find((child) => child.type === 'page')?.id ?? '';
    const target = site.addPage({ spaceId: '1001', title: 'Archive', authorId: 'u-alice', parentId: '10001' });
    const kept = site.addPage({ spaceId: '1001', title: 'Kept in archive', authorId: 'u-alice', parentId: target.id });
    const page = site.page(moved);
    const body = { id: moved, status: 'current', title: page?.title, parentId: target.id, body: { representation: 'storage', value: '<p>Moved.</p>' }, version: { number: (page?.version ?? 0) + 1 } };
    expectStatus(await call(site, as('u-alice'), 'PUT', `/wiki/api/v2/pages/${moved}`, body), 200);
    expect(site.childrenOf(target.id).map((child) => child.id)).toEqual([kept.id, moved]);
    const next = site.addPage({ spaceId: '1001', title: 'After the move', authorId: 'u-alice', parentId: '10001' });
    expect(site.childrenOf('10001').map((child) => child.id)).toEqual([...before.filter((id) => id !== moved), target.id, next.id]);
    // A property key is taken once per content, and free again once deleted.
    const path = '/wiki/api/v2/pages/10020/properties';
    expectStatus(await call(site, APP, 'POST', path, { key: 'approvalflow-byline', value: {} }), 409);
    const listed = (await call(site, APP, 'GET', `${path}?key=approvalflow-byline`)).body as { results: Array<{ id: string }> };
    expectStatus(await call(site, APP, 'DELETE', `${path}/${listed.results[0].id}`), 204);
    expectStatus(await call(site, APP, 'POST', path, { key: 'approvalflow-byline', value: { title: 'Approved' } }), 200);
    expect(site.propertyOf('10020', 'approvalflow-byline')).toEqual({ title: 'Approved' });
    // Comments stay on their page, oldest first.
    expectStatus(await call(site, APP, 'POST', '/wiki/api/v2/footer-comments', { pageId: '10020', body: { representation: 'atlas_doc_format', value: mention } }), 201);
    expect(site.commentsOn('10020').map((comment) => comment.mentions)).toEqual([['u-bob'], ['u-bob']]);
    expect(site.commentsOn('10001')).toEqual([]);
  });

  it('refuses something that is not a snapshot', () => {
    expect(() => ConfluenceEmulator.restore({ format: 'something-else' })).toThrow(/Not a Confluence emulator snapshot/);
    const broken = { ...ConfluenceEmulator.seeded().snapshot(), nextId: 'seven' };
    expect(() => ConfluenceEmulator.restore(broken)).toThrow(/nextId/);
  });
});
