import { z } from 'zod';
import { ConfluenceEmulator, ConfluenceError, type PageUpdatedEvent } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v1ErrorOf, v2ErrorOf, v2List, v2Page, v2Version } from './helpers';

function recordUpdates(site: ConfluenceEmulator): PageUpdatedEvent[] {
  const events: PageUpdatedEvent[] = [];
  site.onPageUpdated((event) => events.push(event));
  return events;
}

const update = (version: number, title = 'Release Process', value = '<p>Releases ship every Tuesday.</p>') => ({
  id: '10020',
  status: 'current',
  title,
  body: { representation: 'storage', value },
  version: { number: version, message: 'Weekly releases' },
});

describe('GET /wiki/api/v2/pages/{id}', () => {
  it('returns the current version with its storage body', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'GET', '/wiki/api/v2/pages/10020?body-format=storage');
    expectStatus(reply, 200);
    const page = v2Page.parse(reply.body);
    expect(page).toMatchObject({ id: '10020', status: 'current', title: 'Release Process', spaceId: '1001', parentId: '10001', parentType: 'page' });
    expect(page.version).toMatchObject({ number: 4, authorId: 'u-alice', message: 'Link the checklist' });
    expect(page.body.storage?.value).toContain('follows the Release Checklist');
    expect(page._links.webui).toBe('/spaces/ENG/pages/10020/Release+Process');
  });

  it('renders atlas_doc_format as an ADF document string', async () => {
    const site = ConfluenceEmulator.seeded();
    const page = v2Page.parse((await call(site, APP, 'GET', '/wiki/api/v2/pages/10022?body-format=atlas_doc_format')).body);
    const doc: unknown = JSON.parse(page.body.atlas_doc_format?.value ?? 'null');
    expect(doc).toEqual({
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hotfixes branch from the last release tag and need one approver.' }] }],
    });
  });

  it('serves an earlier version on request, and 404s a version that never existed', async () => {
    const site = ConfluenceEmulator.seeded();
    const page = v2Page.parse((await call(site, APP, 'GET', '/wiki/api/v2/pages/10020?version=2&body-format=storage')).body);
    expect(page.version).toMatchObject({ number: 2, authorId: 'u-bob', message: 'Add freeze window' });
    expect(page.status).toBe('historical');
    expect(page.body.storage?.value).not.toContain('release manager');
    v2ErrorOf(await call(site, APP, 'GET', '/wiki/api/v2/pages/10020?version=9'), 404);
  });

  it('hides a view-restricted page and everything below it, exactly like a missing page', async () => {
    const site = ConfluenceEmulator.seeded();
    const hidden = v2ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/10040'), 404);
    const missing = v2ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/99999'), 404);
    expect(hidden.code).toBe(missing.code);
    v2ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/10041'), 404);
    expectStatus(await call(site, as('u-bob'), 'GET', '/wiki/api/v2/pages/10041'), 200);
    expectStatus(await call(site, as('u-frank'), 'GET', '/wiki/api/v2/pages/10040'), 200);
  });

  it('404s pages of a space the user has no permission for', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await call(site, as('u-ivan'), 'GET', '/wiki/api/v2/pages/20011'), 404);
    expectStatus(await call(site, as('u-ivan'), 'GET', '/wiki/api/v2/pages/10020'), 200);
  });

  it('shows a draft to its author only', async () => {
    const site = ConfluenceEmulator.seeded();
    const draft = v2Page.parse((await call(site, as('u-alice'), 'GET', '/wiki/api/v2/pages/10060')).body);
    expect(draft.status).toBe('draft');
    v2ErrorOf(await call(site, as('u-bob'), 'GET', '/wiki/api/v2/pages/10060'), 404);
  });

  it('tells the caller what they may do with include-operations', async () => {
    const site = ConfluenceEmulator.seeded();
    const operationsOf = async (accountId: string, pageId: string) => {
      const reply = await call(site, as(accountId), 'GET', `/wiki/api/v2/pages/${pageId}?include-operations=true`);
      const body = z.object({ operations: z.object({ results: z.array(z.object({ operation: z.string() })) }) }).parse(reply.body);
      return body.operations.results.map((o) => o.operation);
    };
    expect(await operationsOf('u-alice', '10020')).toEqual(['read', 'update']);
    expect(await operationsOf('u-grace', '10020')).toEqual(['read']);
    expect(await operationsOf('u-alice', '20030')).toEqual(['read']);
    expect(await operationsOf('u-frank', '10020')).toEqual(['read', 'update', 'delete']);
  });

  it('answers 401 for an unknown account', async () => {
    const site = ConfluenceEmulator.seeded();
    expect(v2ErrorOf(await call(site, as('u-mallory'), 'GET', '/wiki/api/v2/pages/10020'), 401).code).toBe('UNAUTHORIZED');
  });
});

describe('GET /wiki/api/v2/pages (bulk)', () => {
  it('returns the requested ids the caller may see, nothing else', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages?id=10020,10040,20011&id=10041');
    const pages = v2List(v2Page).parse(reply.body);
    expect(pages.results.map((p) => p.id)).toEqual(['10020', '20011']);
  });

  it('filters by space id', async () => {
    const site = ConfluenceEmulator.seeded();
    const pages = v2List(v2Page).parse((await call(site, APP, 'GET', '/wiki/api/v2/pages?space-id=1003')).body);
    expect(pages.results.map((p) => p.title)).toEqual(['Published Handbook Home', 'Engineering Handbook', 'People Handbook']);
  });
});

describe('PUT /wiki/api/v2/pages/{id}', () => {
  it('refuses a stale version with 409 and changes nothing', async () => {
    const site = ConfluenceEmulator.seeded();
    const events = recordUpdates(site);
    const error = v2ErrorOf(await call(site, as('u-alice'), 'PUT', '/wiki/api/v2/pages/10020', update(4)), 409);
    expect(error.code).toBe('CONFLICT');
    expect(error.title).toContain('Current version: 4');
    expect(site.page('10020')?.version).toBe(4);
    expect(events).toEqual([]);
  });

  it('stores version + 1 and announces the page update', async () => {
    const site = ConfluenceEmulator.seeded();
    const events = recordUpdates(site);
    const reply = await call(site, as('u-alice'), 'PUT', '/wiki/api/v2/pages/10020', update(5, 'Release Process (weekly)'));
    expectStatus(reply, 200);
    const page = v2Page.parse(reply.body);
    expect(page.version).toMatchObject({ number: 5, authorId: 'u-alice', message: 'Weekly releases' });
    expect(page.title).toBe('Release Process (weekly)');
    expect(page.body.storage?.value).toBe('<p>Releases ship every Tuesday.</p>');
    expect(events).toEqual([
      expect.objectContaining({ pageId: '10020', spaceId: '1001', spaceKey: 'ENG', version: 5, editorAccountId: 'u-alice', title: 'Release Process (weekly)' }),
    ]);
  });

  it('attributes an app update to the app account', async () => {
    const site = ConfluenceEmulator.seeded();
    const events = recordUpdates(site);
    expectStatus(await call(site, APP, 'PUT', '/wiki/api/v2/pages/10020', update(5, '[Approved] Release Process')), 200);
    expect(events.map((e) => e.editorAccountId)).toEqual([site.appAccountId]);
  });

  it('accepts an ADF body and stores it as storage format', async () => {
    const site = ConfluenceEmulator.seeded();
    const adf = { type: 'doc', version: 1, content: [{ type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Cadence' }] }] };
    const body = { ...update(5), body: { representation: 'atlas_doc_format', value: JSON.stringify(adf) } };
    expectStatus(await call(site, as('u-alice'), 'PUT', '/wiki/api/v2/pages/10020', body), 200);
    expect(site.page('10020')?.body).toBe('<h2>Cadence</h2>');
  });

  it('forbids editing to viewers and to users outside an edit restriction', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await call(site, as('u-grace'), 'PUT', '/wiki/api/v2/pages/10020', update(5)), 403);
    const codeOfConduct = { ...update(2, 'Code of Conduct'), id: '20030' };
    v2ErrorOf(await call(site, as('u-alice'), 'PUT', '/wiki/api/v2/pages/20030', codeOfConduct), 403);
    expectStatus(await call(site, as('u-carol'), 'PUT', '/wiki/api/v2/pages/20030', codeOfConduct), 200);
  });

  it('refuses a title another page of the space already has', async () => {
    const site = ConfluenceEmulator.seeded();
    const error = v2ErrorOf(await call(site, as('u-alice'), 'PUT', '/wiki/api/v2/pages/10020', update(5, 'Onboarding Guide')), 400);
    expect(error.title).toContain('already exists');
  });

  it('validates the body like Confluence: missing version is a 400', async () => {
    const site = ConfluenceEmulator.seeded();
    const { version: _version, ...withoutVersion } = update(5);
    const error = v2ErrorOf(await call(site, as('u-alice'), 'PUT', '/wiki/api/v2/pages/10020', withoutVersion), 400);
    expect(error.title).toContain('version');
  });
});

describe('editing from the sandbox shell', () => {
  it('makes a new version and fires the same event as a REST update', () => {
    const site = ConfluenceEmulator.seeded();
    const events = recordUpdates(site);
    const event = site.editPage('20011', 'u-carol', { body: '<p>Remote work: up to four days a week.</p>' });
    expect(event).toMatchObject({ pageId: '20011', spaceKey: 'HR', version: 4, editorAccountId: 'u-carol', title: 'Remote Work Policy' });
    expect(events).toEqual([event]);
  });

  it('refuses users who may not edit, with the status the REST API would use', () => {
    const site = ConfluenceEmulator.seeded();
    const attempt = (accountId: string, pageId: string) => {
      try {
        site.editPage(pageId, accountId, { title: 'Hijacked' });
        return null;
      } catch (error) {
        return error instanceof ConfluenceError ? error.status : 'unexpected';
      }
    };
    expect(attempt('u-grace', '20011')).toBe(403);
    expect(attempt('u-grace', '10040')).toBe(404);
    expect(site.page('20011')?.title).toBe('Remote Work Policy');
  });

  it('stops notifying a listener once it unsubscribes', () => {
    const site = ConfluenceEmulator.seeded();
    const seen: number[] = [];
    const stop = site.onPageUpdated((e) => seen.push(e.version));
    site.editPage('10022', 'u-bob', { body: '<p>One approver, always.</p>' });
    stop();
    site.editPage('10022', 'u-bob', { body: '<p>Two approvers.</p>' });
    expect(seen).toEqual([2]);
  });
});

describe('GET /wiki/api/v2/pages/{id}/versions', () => {
  it('lists versions newest first with cursor paging', async () => {
    const site = ConfluenceEmulator.seeded();
    const versions = v2List(v2Version.extend({ page: z.object({ id: z.string(), title: z.string() }) }));
    const first = versions.parse((await call(site, APP, 'GET', '/wiki/api/v2/pages/10020/versions?limit=3')).body);
    const rest = versions.parse((await call(site, APP, 'GET', first._links.next ?? '')).body);
    expect([...first.results, ...rest.results].map((v) => v.number)).toEqual([4, 3, 2, 1]);
    expect(rest.results[0]).toMatchObject({ authorId: 'u-alice', page: { id: '10020', title: 'Release Process' } });
  });
});

describe('request handling', () => {
  it('answers unknown routes and wrong methods in the family’s error shape', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await call(site, APP, 'GET', '/wiki/api/v2/whiteboards/1'), 404);
    v1ErrorOf(await call(site, APP, 'GET', '/wiki/rest/api/audit'), 404);
    v2ErrorOf(await call(site, APP, 'DELETE', '/wiki/api/v2/pages/10020/versions'), 405);
  });

  it('rejects a body that is not JSON', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await site.handle({ method: 'PUT', path: '/wiki/api/v2/pages/10020', headers: { 'Content-Type': 'text/plain' }, body: 'hello', actor: APP });
    expect(reply.status).toBe(415);
    const broken = await site.handle({ method: 'PUT', path: '/wiki/api/v2/pages/10020', headers: { 'content-type': 'application/json' }, body: '{', actor: APP });
    expect(broken.status).toBe(400);
  });
});
