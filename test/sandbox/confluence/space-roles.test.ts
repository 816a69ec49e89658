/**
 * Role-based space access: a space permission may name a role (OpenAPI SpacePermissionAssignment
 * principal type `role`), and `GET /spaces/{id}/role-assignments` says who holds it. The seed's
 * Judy administers Published Handbook only through the "Admin" role.
 */
import { z } from 'zod';
import { ConfluenceEmulator, DEMO_GROUPS, DEMO_ROLES, DEMO_SPACES } from '../../../sandbox/confluence';
import { APP, as, call, expectStatus, v2ErrorOf } from './helpers';

const assignmentList = z.object({
  results: z.array(z.object({ principal: z.object({ principalType: z.enum(['USER', 'GROUP']), principalId: z.string() }), roleId: z.string() })),
  _links: z.object({ next: z.string().optional(), base: z.string() }),
});
const permissionList = z.object({
  results: z.array(z.object({ id: z.string(), principal: z.object({ type: z.enum(['user', 'group', 'role']), id: z.string() }), operation: z.object({ key: z.string(), targetType: z.string() }) })),
});

const PUB = DEMO_SPACES.pub;

describe('space roles', () => {
  it('lists the role as a principal of the space permissions, and nothing names Judy herself', async () => {
    const site = ConfluenceEmulator.seeded();
    const reply = await call(site, APP, 'GET', `/wiki/api/v2/spaces/${PUB}/permissions?limit=250`);
    expectStatus(reply, 200);
    const { results } = permissionList.parse(reply.body);
    const administer = results.filter((p) => p.operation.key === 'administer' && p.operation.targetType === 'space').map((p) => p.principal);
    expect(administer).toEqual(
      expect.arrayContaining([{ type: 'user', id: 'u-frank' }, { type: 'group', id: DEMO_GROUPS.admins }, { type: 'role', id: DEMO_ROLES.admin }]),
    );
    expect(results.some((p) => p.principal.id === 'u-judy')).toBe(false);
  });

  it('answers who holds each role, with the OpenAPI filters', async () => {
    const site = ConfluenceEmulator.seeded();
    const all = assignmentList.parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${PUB}/role-assignments`)).body);
    expect(all.results).toEqual([{ principal: { principalType: 'USER', principalId: 'u-judy' }, roleId: DEMO_ROLES.admin }]);
    const byRole = assignmentList.parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${PUB}/role-assignments?role-id=${DEMO_ROLES.admin}`)).body);
    expect(byRole.results).toHaveLength(1);
    const elsewhere = assignmentList.parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${DEMO_SPACES.eng}/role-assignments`)).body);
    expect(elsewhere.results).toEqual([]);
    const other = assignmentList.parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${PUB}/role-assignments?principal-type=USER&principal-id=u-frank`)).body);
    expect(other.results).toEqual([]);
    v2ErrorOf(await call(site, APP, 'GET', `/wiki/api/v2/spaces/${PUB}/role-assignments?principal-id=u-judy`), 400);
  });

  it('pages role assignments with a cursor', async () => {
    const site = ConfluenceEmulator.seeded();
    for (const group of Object.values(DEMO_GROUPS)) site.assignSpaceRole(PUB, DEMO_ROLES.admin, { type: 'group', id: group });
    const first = assignmentList.parse((await call(site, APP, 'GET', `/wiki/api/v2/spaces/${PUB}/role-assignments?limit=4`)).body);
    expect(first.results).toHaveLength(4);
    const next = first._links.next ?? '';
    expect(next).toContain('cursor=');
    const second = assignmentList.parse((await call(site, APP, 'GET', next)).body);
    expect([...first.results, ...second.results].map((a) => a.principal.principalId).sort()).toEqual([...Object.values(DEMO_GROUPS), 'u-judy'].sort());
  });

  it('is 404 for someone who cannot view the space, as the permissions list is', async () => {
    const site = ConfluenceEmulator.seeded();
    v2ErrorOf(await call(site, as('u-ivan'), 'GET', `/wiki/api/v2/spaces/${PUB}/role-assignments`), 404);
  });

  it('grants the role holder the role operations in that space only: Judy deletes in PUB, not in ENG', async () => {
    const site = ConfluenceEmulator.seeded();
    const check = async (operation: string, contentId: string): Promise<boolean> => {
      const reply = await call(site, APP, 'POST', `/wiki/rest/api/content/${contentId}/permission/check`, { subject: { type: 'user', identifier: 'u-judy' }, operation });
      return (reply.body as { hasPermission: boolean }).hasPermission;
    };
    expect(await check('delete', '30010')).toBe(true);
    expect(await check('update', '30010')).toBe(true);
    expect(await check('read', '10020')).toBe(true);
    expect(await check('update', '10020')).toBe(false);
    expect(site.canEdit('u-judy', '30020')).toBe(true);
  });

  it('grants a role held by a group to its members', async () => {
    const site = ConfluenceEmulator.seeded();
    expect(site.canEdit('u-dana', '30010')).toBe(false);
    site.assignSpaceRole(PUB, DEMO_ROLES.admin, { type: 'group', id: DEMO_GROUPS.legal });
    expect(site.canEdit('u-dana', '30010')).toBe(true);
    expect(site.canEdit('u-dana', '10020')).toBe(false);
  });

  it('survives a snapshot round trip, and loads snapshots written before roles existed', () => {
    const site = ConfluenceEmulator.seeded();
    const restored = ConfluenceEmulator.restore(site.snapshot());
    expect(restored.canEdit('u-judy', '30010')).toBe(true);
    const { spaceRoles: _roles, roleAssignments: _assignments, ...older } = ConfluenceEmulator.empty().snapshot();
    expect(() => ConfluenceEmulator.restore(older)).not.toThrow();
  });
});
