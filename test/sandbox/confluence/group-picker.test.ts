import { z } from 'zod';
import { ConfluenceEmulator, DEMO_GROUPS } from '../../../sandbox/confluence';
import { as, call, expectStatus, v1ErrorOf, v1List } from './helpers';

const v1Group = z.object({ type: z.literal('group'), name: z.string(), id: z.string() });
const pickerPage = v1List(v1Group).extend({ totalSize: z.number().int().optional() });

describe('GET /wiki/rest/api/group/picker', () => {
  it('finds groups whose name contains the query, ignoring case, in name order', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, as('u-frank'), 'GET', '/wiki/rest/api/group/picker?query=E&shouldReturnTotalSize=true');
    expectStatus(reply, 200);
    const page = pickerPage.parse(reply.body);
    expect(page.results.map((g) => g.name)).toEqual(['confluence-admins', 'confluence-users', 'engineering', 'hr-team', 'legal']);
    expect(page.totalSize).toBe(5);
    const legal = pickerPage.parse((await call(site, as('u-frank'), 'GET', '/wiki/rest/api/group/picker?query=LEG')).body);
    expect(legal.results).toEqual([expect.objectContaining({ name: 'legal', id: DEMO_GROUPS.legal })]);
    expect(legal.totalSize).toBeUndefined();
  });

  it('pages with start and limit', async () => {
    const site = ConfluenceEmulator.seeded();
    const first = pickerPage.parse((await call(site, as('u-alice'), 'GET', '/wiki/rest/api/group/picker?query=e&limit=2')).body);
    expect(first.results.map((g) => g.name)).toEqual(['confluence-admins', 'confluence-users']);
    const second = pickerPage.parse((await call(site, as('u-alice'), 'GET', `/wiki${first._links.next ?? ''}`)).body);
    expect(second.results.map((g) => g.name)).toEqual(['engineering', 'hr-team']);
  });

  it('requires a query', async () => {
    const site = ConfluenceEmulator.seeded();
    v1ErrorOf(await call(site, as('u-alice'), 'GET', '/wiki/rest/api/group/picker'), 400);
    const none = pickerPage.parse((await call(site, as('u-alice'), 'GET', '/wiki/rest/api/group/picker?query=marketing')).body);
    expect(none.results).toEqual([]);
  });
});
