import { z } from 'zod';
import { ConfluenceEmulator, DEMO_GROUPS } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v1ErrorOf, v1List, v1User, v2ErrorOf, v2List } from './helpers';

const v2User = z.object({
  accountId: z.string(),
  accountType: z.literal('atlassian'),
  accountStatus: z.literal('active'),
  displayName: z.string(),
  publicName: z.string(),
  email: z.string(),
  profilePicture: z.object({ path: z.string() }),
});
const v1Group = z.object({ type: z.literal('group'), name: z.string(), id: z.string() });

describe('POST /wiki/api/v2/users-bulk', () => {
  it('resolves account ids to profiles and leaves unknown ones out', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, as('u-alice'), 'POST', '/wiki/api/v2/users-bulk', { accountIds: ['u-carol', 'u-bob', 'u-nobody', 'u-bob'] });
    expectStatus(reply, 200);
    const users = v2List(v2User).parse(reply.body).results;
    expect(users.map((u) => [u.accountId, u.displayName])).toEqual([
      ['u-carol', 'Carol Approver'],
      ['u-bob', 'Bob Approver'],
    ]);
  });

  it('requires at least one account id', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await call(site, APP, 'POST', '/wiki/api/v2/users-bulk', { accountIds: [] }), 400);
  });
});

describe('v1 users and groups', () => {
  it('lists the groups a user belongs to, paged', async () => {
    const site = ConfluenceEmulator.seeded();
    const groups = v1List(v1Group);
    const first = groups.parse((await call(site, APP, 'GET', '/wiki/rest/api/user/memberof?accountId=u-alice&limit=2')).body);
    expect(first).toMatchObject({ start: 0, limit: 2, size: 2 });
    const rest = groups.parse((await call(site, APP, 'GET', `/wiki${first._links.next ?? ''}`)).body);
    expect([...first.results, ...rest.results].map((g) => g.name)).toEqual(['confluence-users', 'engineering', 'hr-team']);
    expect(rest._links.next).toBeUndefined();
  });

  it('lists group members by group name and by group id', async () => {
    const site = ConfluenceEmulator.seeded();
    const members = v1List(v1User).extend({ totalSize: z.number().optional() });
    const byName = members.parse((await call(site, APP, 'GET', '/wiki/rest/api/group/member?name=legal')).body);
    expect(byName.results.map((u) => u.displayName)).toEqual(['Dana Legal', 'Eve Legal']);
    const byId = members.parse((await call(site, APP, 'GET', `/wiki/rest/api/group/${DEMO_GROUPS.engineering}/membersByGroupId?shouldReturnTotalSize=true`)).body);
    expect(byId.results.map((u) => u.accountId)).toEqual(['u-alice', 'u-bob', 'u-ivan']);
    expect(byId.totalSize).toBe(3);
    v1ErrorOf(await call(site, APP, 'GET', '/wiki/rest/api/group/member?name=nobody'), 404);
  });

  it('returns a user by account id, and the caller as the current user', async () => {
    const site = ConfluenceEmulator.seeded();
    expect(v1User.parse((await call(site, APP, 'GET', '/wiki/rest/api/user?accountId=u-frank')).body).displayName).toBe('Frank Spaceadmin');
    v1ErrorOf(await call(site, APP, 'GET', '/wiki/rest/api/user?accountId=u-nobody'), 404);
    expect(v1User.parse((await call(site, as('u-eve'), 'GET', '/wiki/rest/api/user/current')).body).accountId).toBe('u-eve');
    const app = v1User.parse((await call(site, APP, 'GET', '/wiki/rest/api/user/current')).body);
    expect(app).toMatchObject({ accountId: site.appAccountId, accountType: 'app' });
  });

  it('searches people by name for the user picker', async () => {
    const site = ConfluenceEmulator.seeded();
    const search = v1List(z.object({ user: v1User, title: z.string(), entityType: z.literal('user') })).extend({ totalSize: z.number() });
    const cql = encodeURIComponent('type = user AND user.fullname ~ "approver"');
    const found = search.parse((await call(site, as('u-alice'), 'GET', `/wiki/rest/api/search/user?cql=${cql}`)).body);
    expect(found.results.map((r) => r.user.accountId)).toEqual(['u-bob', 'u-carol']);
    expect(found.totalSize).toBe(2);
    v1ErrorOf(await call(site, as('u-alice'), 'GET', '/wiki/rest/api/search/user?cql=space%3DENG'), 400);
  });

  it('looks a space up by key, for users who can see it', async () => {
    const site = ConfluenceEmulator.seeded();
    const space = z.object({ id: z.number(), key: z.string(), name: z.string() });
    expect(space.parse((await call(site, as('u-alice'), 'GET', '/wiki/rest/api/space/HR')).body)).toEqual({ id: 1002, key: 'HR', name: 'People & Policies' });
    v1ErrorOf(await call(site, as('u-ivan'), 'GET', '/wiki/rest/api/space/HR'), 404);
  });
});
