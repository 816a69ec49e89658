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

  it('refuses something that is not a snapshot', () => {
    expect(() => ConfluenceEmulator.restore({ format: 'something-else' })).toThrow(/Not a Confluence emulator snapshot/);
    const broken = { ...ConfluenceEmulator.seeded().snapshot(), nextId: 'seven' };
    expect(() => ConfluenceEmulator.restore(broken)).toThrow(/nextId/);
  });
});
