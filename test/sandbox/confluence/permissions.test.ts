import { z } from 'zod';
import { ConfluenceEmulator, DEMO_GROUPS } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v1ErrorOf, v1List, v1User, v2ErrorOf, v2List } from './helpers';

const checkResult = z.object({
  hasPermission: z.boolean(),
  errors: z.array(z.object({ translation: z.string(), args: z.array(z.string()) })),
});

async function check(site: ConfluenceEmulator, subject: { type: 'user' | 'group'; identifier: string }, operation: string, contentId: string) {
  const reply = await call(site, APP, 'POST', `/wiki/rest/api/content/${contentId}/permission/check`, { subject, operation });
  expectStatus(reply, 200);
  return checkResult.parse(reply.body);
}

const user = (identifier: string) => ({ type: 'user' as const, identifier });

describe('POST /wiki/rest/api/content/{id}/permission/check', () => {
  it('answers per user from space permissions and restrictions', async () => {
    const site = ConfluenceEmulator.seeded();
    const answers = async (operation: string, contentId: string, people: string[]) =>
      Promise.all(people.map(async (id) => (await check(site, user(id), operation, contentId)).hasPermission));
    const people = ['u-alice', 'u-bob', 'u-carol', 'u-grace', 'u-ivan', 'u-frank', 'u-heidi'];
    // The app asks only about content it may see itself: an admin adds it to the restriction.
    site.setRestriction('10040', 'read', { users: ['u-frank', site.appAccountId], groups: [DEMO_GROUPS.engineering] });
    expect(await answers('read', '10020', people)).toEqual([true, true, true, true, true, true, true]);
    expect(await answers('update', '10020', people)).toEqual([true, true, false, false, true, true, true]);
    expect(await answers('read', '10040', people)).toEqual([true, true, false, false, true, true, false]);
    expect(await answers('update', '20030', people)).toEqual([false, false, true, false, false, false, false]);
    expect(await answers('delete', '10020', people)).toEqual([false, false, false, false, false, true, true]);
  });

  it('explains a refusal', async () => {
    const site = ConfluenceEmulator.seeded();
    const answer = await check(site, user('u-grace'), 'update', '10020');
    expect(answer.hasPermission).toBe(false);
    expect(answer.errors.map((e) => e.translation)).toEqual(['No permission to add or edit pages in the space']);
  });

  it('checks a group on its own', async () => {
    const site = ConfluenceEmulator.seeded();
    expect((await check(site, { type: 'group', identifier: DEMO_GROUPS.legal }, 'read', '20015')).hasPermission).toBe(true);
    expect((await check(site, { type: 'group', identifier: DEMO_GROUPS.hr }, 'read', '20015')).hasPermission).toBe(false);
  });

  it('lets a user check themselves, but only a Confluence administrator check others', async () => {
    const site = ConfluenceEmulator.seeded();
    const path = '/wiki/rest/api/content/10020/permission/check';
    expectStatus(await call(site, as('u-grace'), 'POST', path, { subject: user('u-grace'), operation: 'read' }), 200);
    v1ErrorOf(await call(site, as('u-grace'), 'POST', path, { subject: user('u-alice'), operation: 'read' }), 403);
    expectStatus(await call(site, as('u-heidi'), 'POST', path, { subject: user('u-alice'), operation: 'update' }), 200);
  });

  it('rejects an unknown operation with a v1 400', async () => {
    const site = ConfluenceEmulator.seeded();
    v1ErrorOf(await call(site, APP, 'POST', '/wiki/rest/api/content/10020/permission/check', { subject: user('u-alice'), operation: 'fly' }), 400);
  });
});

describe('content restrictions (v1)', () => {
  const restrictionArray = z.object({
    results: z.array(
      z.object({
        operation: z.enum(['read', 'update']),
        restrictions: z.object({
          user: z.object({ results: z.array(v1User), size: z.number() }),
          group: z.object({ results: z.array(z.object({ type: z.literal('group'), name: z.string(), id: z.string() })), size: z.number() }),
        }),
      }),
    ),
    size: z.number(),
  });

  it('adding a user to the read restriction hides the page from everyone else', async () => {
    const site = ConfluenceEmulator.seeded();
    expectStatus(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/20014'), 200);
    expectStatus(await call(site, as('u-carol'), 'PUT', '/wiki/rest/api/content/20014/restriction/byOperation/read/user?accountId=u-carol'), 200);
    v2ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/20014'), 404);
    expectStatus(await call(site, as('u-carol'), 'GET', '/wiki/api/v2/pages/20014'), 200);
    // Restrictions keep the app out as well, unless they name it.
    v2ErrorOf(await call(site, APP, 'GET', '/wiki/api/v2/pages/20014'), 404);

    expectStatus(await call(site, as('u-carol'), 'GET', '/wiki/rest/api/content/20014/restriction/byOperation/read/user?accountId=u-carol'), 200);
    v1ErrorOf(await call(site, as('u-carol'), 'GET', '/wiki/rest/api/content/20014/restriction/byOperation/read/user?accountId=u-grace'), 404);

    expectStatus(await call(site, as('u-carol'), 'DELETE', '/wiki/rest/api/content/20014/restriction/byOperation/read/user?accountId=u-carol'), 200);
    expectStatus(await call(site, as('u-grace'), 'GET', '/wiki/api/v2/pages/20014'), 200);
  });

  it('restricts editing to a group addressed by name or by id', async () => {
    const site = ConfluenceEmulator.seeded();
    expect(site.canEdit('u-alice', '20014')).toBe(true);
    expectStatus(await call(site, APP, 'PUT', '/wiki/rest/api/content/20014/restriction/byOperation/update/group/legal'), 200);
    expect(site.canEdit('u-alice', '20014')).toBe(false);
    expect(site.canEdit('u-dana', '20014')).toBe(true);
    // Now only legal may edit, and the app is not in it: a member of legal lifts the restriction.
    v1ErrorOf(await call(site, APP, 'DELETE', `/wiki/rest/api/content/20014/restriction/byOperation/update/byGroupId/${DEMO_GROUPS.legal}`), 403);
    expectStatus(await call(site, as('u-dana'), 'DELETE', `/wiki/rest/api/content/20014/restriction/byOperation/update/byGroupId/${DEMO_GROUPS.legal}`), 200);
    expect(site.canEdit('u-alice', '20014')).toBe(true);
  });

  it('reports restrictions in the v1 shape', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = restrictionArray.parse((await call(site, as('u-carol'), 'GET', '/wiki/rest/api/content/20015/restriction')).body);
    const [read, update] = reply.results;
    expect(read.operation).toBe('read');
    expect(read.restrictions.user.results.map((u) => u.accountId)).toEqual(['u-carol', site.appAccountId]);
    expect(read.restrictions.group.results.map((g) => g.name)).toEqual(['legal']);
    expect(update.restrictions.group.results.map((g) => g.id)).toEqual([DEMO_GROUPS.legal]);
  });

  it('replaces all restrictions with PUT and validates every reference first', async () => {
    const site = ConfluenceEmulator.seeded();
    const body = [
      { operation: 'read', restrictions: { user: [{ type: 'known', accountId: 'u-bob' }], group: [{ type: 'group', name: 'legal' }] } },
    ];
    expectStatus(await call(site, as('u-dana'), 'PUT', '/wiki/rest/api/content/20015/restriction', body), 200);
    expect(site.restrictionsOf('20015')).toEqual({ read: { users: ['u-bob'], groups: [DEMO_GROUPS.legal] }, update: { users: [], groups: [] } });
    const broken = [{ operation: 'update', restrictions: { group: [{ name: 'no-such-group' }] } }];
    v1ErrorOf(await call(site, as('u-dana'), 'POST', '/wiki/rest/api/content/20015/restriction', broken), 400);
    expect(site.restrictionsOf('20015').update).toEqual({ users: [], groups: [] });
  });

  it('forbids restriction changes to people who cannot edit the page', async () => {
    const site = ConfluenceEmulator.seeded();
    v1ErrorOf(await call(site, as('u-grace'), 'PUT', '/wiki/rest/api/content/10020/restriction/byOperation/read/user?accountId=u-grace'), 403);
    v1ErrorOf(await call(site, as('u-grace'), 'GET', '/wiki/rest/api/content/10040/restriction'), 404);
  });
});

describe('space permissions (v2)', () => {
  it('lists the assignments of a space with principals and operations', async () => {
    const site = ConfluenceEmulator.seeded();
    const assignment = z.object({
      id: z.string(),
      principal: z.object({ type: z.enum(['user', 'group']), id: z.string() }),
      operation: z.object({ key: z.string(), targetType: z.string() }),
    });
    const list = v2List(assignment);
    const all: z.infer<typeof assignment>[] = [];
    let path: string | undefined = '/wiki/api/v2/spaces/1001/permissions?limit=10';
    while (path !== undefined) {
      const page = list.parse((await call(site, as('u-grace'), 'GET', path)).body);
      all.push(...page.results);
      path = page._links.next;
    }
    const opsOf = (type: string, id: string) =>
      all.filter((a) => a.principal.type === type && a.principal.id === id).map((a) => `${a.operation.key}:${a.operation.targetType}`);
    expect(opsOf('group', DEMO_GROUPS.users)).toEqual(['read:space', 'create:comment']);
    expect(opsOf('group', DEMO_GROUPS.engineering)).toContain('create:page');
    expect(opsOf('user', 'u-frank')).toContain('administer:space');
  });
});

describe('labels', () => {
  const v2Labels = v2List(z.object({ id: z.string(), name: z.string(), prefix: z.string() }));
  const labelNames = async (site: ConfluenceEmulator, pageId: string) =>
    v2Labels.parse((await call(site, APP, 'GET', `/wiki/api/v2/pages/${pageId}/labels`)).body).results.map((l) => l.name);

  it('adds labels through v1 (lower-cased) and reads them through v2', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'POST', '/wiki/rest/api/content/10020/label', [
      { prefix: 'global', name: 'Approved' },
      { prefix: 'global', name: 'release-2026' },
    ]);
    expectStatus(reply, 200);
    const added = v1List(z.object({ prefix: z.string(), name: z.string(), id: z.string(), label: z.string() })).parse(reply.body);
    expect(added.results.map((l) => l.name)).toEqual(['approved', 'process', 'release-2026']);
    expect(await labelNames(site, '10020')).toEqual(['approved', 'process', 'release-2026']);
  });

  it('removes a label by path or by name, and 404s a label that is not there', async () => {
    const site = ConfluenceEmulator.seeded();
    expectStatus(await call(site, APP, 'DELETE', '/wiki/rest/api/content/10012/label/adr'), 204);
    expectStatus(await call(site, APP, 'DELETE', '/wiki/rest/api/content/10012/label?name=architecture'), 204);
    expect(await labelNames(site, '10012')).toEqual([]);
    v1ErrorOf(await call(site, APP, 'DELETE', '/wiki/rest/api/content/10012/label/adr'), 404);
    expect(site.labelsOf('10013')).toEqual(['adr']);
  });

  it('refuses invalid names and viewers', async () => {
    const site = ConfluenceEmulator.seeded();
    v1ErrorOf(await call(site, APP, 'POST', '/wiki/rest/api/content/10020/label', [{ prefix: 'global', name: 'needs review' }]), 400);
    v1ErrorOf(await call(site, as('u-grace'), 'POST', '/wiki/rest/api/content/10020/label', { prefix: 'global', name: 'mine' }), 403);
    expect(site.labelsOf('10020')).toEqual(['process']);
  });
});
