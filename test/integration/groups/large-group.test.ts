/**
 * A step whose approvers are `confluence-users` with 50,000 members: the request stores the group,
 * not its members, and a member's decision asks Confluence only which groups they are in.
 */
import { type QueuePageView } from '../../../src/shared/contract/queue';
import { ENTITY, type RequestRow } from '../../../src/storage/entities';
import { pageRecordKey } from '../../../src/storage/page-state';
import { kvs } from '@forge/kvs';
import { MODULES, ok, startApp, type TestApp } from '../support/app';

const PAGE = '10020'; // Release Process in ENG; Alice edits it
const EVERYONE = { type: 'group' as const, groupId: 'g-confluence-users', name: 'confluence-users' };
const MEMBERS = 50_000;
const member = (n: number) => `u-staff-${n}`;

function cost(app: TestApp): { confluence: string[]; storage: number } {
  const call = app.sandbox.ops.lastInvocation('resolver');
  if (call === undefined) throw new Error('no resolver call recorded');
  const entries = app.sandbox.ops.forInvocation(call.id);
  return { confluence: entries.filter((e) => e.kind === 'confluence').map((e) => e.path), storage: app.sandbox.ops.storageRoundTrips(call.id) };
}

describe('a group of 50,000 approvers', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
    app.site().addGroupMembers(
      EVERYONE.groupId,
      Array.from({ length: MEMBERS }, (_, n) => ({ accountId: member(n), displayName: `Staff ${n}` })),
    );
    await app.createWorkflow({ name: 'Everyone signs', steps: [{ id: 'all-staff', name: 'Staff', approvers: [EVERYONE], rule: { kind: 'any' } }] }, 'default');
  });
  afterAll(() => app.close());

  it('submits without listing the group, and a member decides within the decision budget', async () => {
    app.sandbox.ops.reset();
    const submitted = ok(await app.as('u-alice').byline('submit', PAGE));
    expect(cost(app).confluence.filter((path) => path.includes('g-confluence-users'))).toEqual([]);
    expect(submitted.request?.steps[0].approvers).toEqual([{ accountId: 'group:g-confluence-users', displayName: 'confluence-users (any member)' }]);
    const requestId = submitted.request?.id ?? '';

    // What is stored names the group once and none of its members.
    const row = await kvs.entity<RequestRow>(ENTITY.request).get(requestId);
    const record = await kvs.get(pageRecordKey(PAGE).key);
    for (const stored of [row, record]) {
      expect(JSON.stringify(stored)).not.toContain(member(0));
      expect(JSON.stringify(stored).length).toBeLessThan(20_000);
    }

    const decider = member(41_234);
    const view = ok(await app.as(decider).byline('getPageApproval', PAGE));
    expect(view.actions).toMatchObject({ approve: true, reject: true });

    app.sandbox.ops.reset();
    const approved = ok(await app.as(decider).byline('approve', PAGE, { requestId, stepIndex: 0, comment: 'Fine by me' }));
    expect(approved.status).toBe('approved');
    const spent = cost(app);
    expect(spent.confluence.length).toBeLessThanOrEqual(3);
    expect(spent.confluence.filter((path) => path.includes('/user/memberof'))).toHaveLength(1);
    expect(spent.confluence.filter((path) => path.includes('g-confluence-users'))).toEqual([]);
    expect(approved.request?.steps[0].approvers).toContainEqual(expect.objectContaining({ accountId: decider, decision: 'approve', comment: 'Fine by me' }));
  }, 60_000);

  it("shows the request under a member's 'mine' through the group's one task", async () => {
    const other = '10014'; // ADR-002 Appendix, also in ENG and editable by Alice
    ok(await app.as('u-alice').byline('submit', other));
    await app.drain();
    const list = (await app.as(member(7)).invoke(MODULES.queue, 'listQueue', { tab: 'mine' }, app.spaceContext('ENG'))) as QueuePageView;
    expect(list.items.map((item) => [item.pageId, item.canDecide])).toEqual([[other, true]]);
    const spent = cost(app);
    expect(spent.confluence.filter((path) => path.includes('/user/memberof'))).toHaveLength(1);
    // The author is in the group too, but never has her own page to decide.
    const alice = (await app.as('u-alice').invoke(MODULES.queue, 'listQueue', { tab: 'mine' }, app.spaceContext('ENG'))) as QueuePageView;
    expect(alice.items).toEqual([]);
  }, 60_000);
});
