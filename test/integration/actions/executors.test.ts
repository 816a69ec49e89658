/**
 * Each state-entry action's executor against the strict sandbox, called as the runner calls it
 * with a run built from a real request: its effect shows in Confluence, a second call changes
 * nothing, a permanent refusal is an outcome a space admin can act on, and a 429 is thrown for
 * the runner to retry.
 */
import { type ActionRun } from '../../../src/actions/action-run';
import { addRestrictions } from '../../../src/actions/execute/add-restrictions';
import { manageLabels } from '../../../src/actions/execute/labels';
import { notify } from '../../../src/actions/execute/notify';
import { setOfficialVersion } from '../../../src/actions/execute/official-version';
import { removeRestrictions } from '../../../src/actions/execute/remove-restrictions';
import { modifyTitle, TITLE_VERSION_MESSAGE } from '../../../src/actions/execute/title';
import { kvs, WhereConditions } from '@forge/kvs';
import { type CommentSummary } from '../../../sandbox/confluence';
import { AS_APP, ConfluenceBusyError } from '../../../src/confluence/http';
import { getTitledVersion, saveTitle } from '../../../src/confluence/page-title';
import { OFFICIAL_VERSION_PROPERTY_KEY } from '../../../src/shared/official-version';
import { markActionNotice } from '../../../src/storage/action-notices';
import { threadKey } from '../../../src/storage/approval-threads';
import { onlyAppVersionsSince, recordAppVersion } from '../../../src/storage/app-versions';
import { callApi, expectStatus } from '../api/support';
import { contractProblems } from '../api/openapi-contract';
import { type ActionState } from '../../../src/shared/workflow';
import { actionRunFor, workflowAction } from '../support/action-run';
import { ok, SPACES, startApp, type TestApp } from '../support/app';
import { decideOnPage, submitPage } from '../support/effects-journey';

const PAGE = '10020'; // Release Process, v4, in ENG

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow(
    { name: 'Release review', owners: ['u-frank'], steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
    'default',
  );
});

afterEach(() => {
  jest.restoreAllMocks();
  app.close();
});

const action = workflowAction;

/** The page submitted by Alice (and approved by Bob when `approve`), and the run of entering `state`. */
async function runOn(pageId: string, state: ActionState, { approve = true } = {}): Promise<ActionRun> {
  const submitted = await submitPage(app, pageId, 'u-alice');
  if (approve) await decideOnPage(app, pageId, 'u-bob', 'approve');
  await app.drain();
  return actionRunFor(app, submitted.id, state, 'u-alice');
}

const confluenceCalls = () => app.sandbox.ops.entries({ kind: 'confluence' }).length;

describe('manage labels', () => {
  it('adds and removes several labels, and a second run changes nothing', async () => {
    app.site().addLabel(PAGE, 'draft');
    app.site().addLabel(PAGE, 'wip');
    const run = await runOn(PAGE, 'approved');
    const labels = action({ type: 'labels', add: ['approved', 'Release-2026'], remove: ['draft', 'wip', 'never-there'] });

    expect(await manageLabels(run, labels)).toEqual({ ok: true, message: 'added approved, release-2026 and removed draft, wip' });
    expect(app.site().labelsOf(PAGE).sort()).toEqual(['approved', 'process', 'release-2026']);

    const before = confluenceCalls();
    expect(await manageLabels(run, labels)).toEqual({ ok: true, message: 'the labels were already as configured' });
    expect(app.site().labelsOf(PAGE).sort()).toEqual(['approved', 'process', 'release-2026']);
    expect(confluenceCalls() - before).toBe(1);
  });

  it('says the page is out of reach when its view restrictions leave the app out, and changes nothing', async () => {
    const run = await runOn(PAGE, 'approved');
    app.site().setRestriction(PAGE, 'read', { users: ['u-alice'] });

    expect(await manageLabels(run, action({ type: 'labels', add: ['approved'] }))).toEqual({
      ok: false,
      message: 'the page was deleted, or its view restrictions leave ApprovalFlow out',
    });
    expect(app.site().labelsOf(PAGE)).toEqual(['process']);
  });

  it('throws a 429 for the runner to retry after Retry-After', async () => {
    const run = await runOn(PAGE, 'approved');
    app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 20 });

    await expect(manageLabels(run, action({ type: 'labels', add: ['approved'] }))).rejects.toEqual(expect.any(ConfluenceBusyError));
    await expect(manageLabels(run, action({ type: 'labels', add: ['approved'] }))).resolves.toMatchObject({ ok: true });
    expect(app.site().labelsOf(PAGE).sort()).toEqual(['approved', 'process']);
  });
});

describe('modify title', () => {
  it('saves the new title as a version by the app, with the body unchanged, once', async () => {
    const run = await runOn(PAGE, 'approved');
    const before = app.site().page(PAGE);

    expect(await modifyTitle(run, action({ type: 'title', mode: 'prefix', value: '[Approved] ' }))).toEqual({
      ok: true,
      message: 'renamed "Release Process" to "[Approved] Release Process" (version 5)',
    });
    const after = app.site().page(PAGE);
    expect(after).toMatchObject({ title: '[Approved] Release Process', version: 5, body: before?.body });

    expect(await modifyTitle(run, action({ type: 'title', mode: 'prefix', value: '[Approved] ' }))).toEqual({
      ok: true,
      message: 'the title is already "[Approved] Release Process"',
    });
    expect(app.site().page(PAGE)?.version).toBe(5);
  });

  it('keeps the page Approved: the trigger ignores the app, and the daily check carries the approval to the app’s version', async () => {
    const run = await runOn(PAGE, 'approved');
    await modifyTitle(run, action({ type: 'title', mode: 'suffix', value: ' (approved)' }));
    await app.drain();

    expect(ok(await app.as('u-grace').byline('getPageApproval', PAGE)).status).toBe('approved');
    expect(await app.sandbox.runScheduled('daily-maintenance-trigger')).toMatchObject({ ok: true });
    await app.drain();

    const view = ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    expect(view.status).toBe('approved');
    expect(view.approvedVersion).toBe(5);
    expect(app.bylineProperty(PAGE)?.title).toMatch(/^Approved v5/);
  });

  it('run by the workflow on approval, the app’s version goes through the page-updated trigger once and runs nothing again', async () => {
    app.close();
    app = await startApp();
    await app.createWorkflow(
      { name: 'Titled review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }], actions: { approved: [{ type: 'title', mode: 'prefix', value: 'Approved: ' }] } },
      'default',
    );
    await runOn(PAGE, 'approved');
    await app.drain();

    expect(app.site().page(PAGE)).toMatchObject({ title: 'Approved: Release Process', version: 5 });
    const deliveries = app.sandbox.triggerDeliveries().filter((delivery) => delivery.pageId === PAGE);
    expect(deliveries.map((delivery) => delivery.outcome)).toEqual(['ok']);
    const view = ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    expect([view.status, view.approvedVersion]).toEqual(['approved', 5]);
    expect(view.history.entries.filter((entry) => entry.summary.startsWith('Workflow actions'))).toHaveLength(1);
  });

  it('a person’s edit after the app’s still outdates the approval', async () => {
    const run = await runOn(PAGE, 'approved');
    await modifyTitle(run, action({ type: 'title', mode: 'suffix', value: ' (approved)' }));
    app.site().addPageVersion(PAGE, { authorId: 'u-alice', body: '<p>changed after the approval</p>' });

    await app.sandbox.runScheduled('daily-maintenance-trigger');
    await app.drain();

    expect(ok(await app.as('u-grace').byline('getPageApproval', PAGE)).status).toBe('outdated');
  });

  it('a run that stopped after Confluence saved the title records the app’s version when it runs again', async () => {
    const run = await runOn(PAGE, 'approved');
    // As if the first run stopped between Confluence's answer and the app's record of the version.
    await saveTitle(AS_APP, PAGE, 'page', await getTitledVersion(AS_APP, PAGE, 'page'), 'Release Process (approved)', TITLE_VERSION_MESSAGE);
    expect(await onlyAppVersionsSince(PAGE, 4, 5)).toBe(false);

    expect(await modifyTitle(run, action({ type: 'title', mode: 'suffix', value: ' (approved)' }))).toMatchObject({ ok: true });
    expect(await onlyAppVersionsSince(PAGE, 4, 5)).toBe(true);
  });

  it('a person’s version with the app’s version message is not taken for the app’s', async () => {
    const run = await runOn(PAGE, 'approved');
    const alice = await app.sandbox.requestConfluence({
      method: 'PUT',
      path: `/wiki/api/v2/pages/${PAGE}`,
      headers: { 'content-type': 'application/json' },
      actor: { kind: 'user', accountId: 'u-alice' },
      body: JSON.stringify({ id: PAGE, status: 'current', title: 'Release Process (approved)', body: { representation: 'storage', value: '<p>Alice rewrote it.</p>' }, version: { number: 5, message: TITLE_VERSION_MESSAGE } }),
    });
    expect(alice.status).toBe(200);

    expect(await modifyTitle(run, action({ type: 'title', mode: 'suffix', value: ' (approved)' }))).toMatchObject({ ok: true });
    expect(await onlyAppVersionsSince(PAGE, 4, 5)).toBe(false);
  });

  it('renames blog posts too', async () => {
    const post = app.site().blogPostsOf(SPACES.ENG.id).find((candidate) => candidate.status === 'current');
    if (post === undefined) throw new Error('the seed has no published blog post in ENG');
    const run = await runOn(post.id, 'approved');

    expect(await modifyTitle(run, action({ type: 'title', mode: 'regex', pattern: '^', value: 'Approved: ' }))).toMatchObject({ ok: true });
    expect(app.site().page(post.id)?.title).toBe(`Approved: ${post.title}`);
  });

  it('a title Confluence refuses is an outcome with its reason', async () => {
    const run = await runOn(PAGE, 'approved');
    const taken = app.site().childrenOf(PAGE)[0] ?? app.site().page('10022');
    if (taken === undefined) throw new Error('the seed has no second ENG page');

    expect(await modifyTitle(run, action({ type: 'title', mode: 'regex', pattern: '.+', value: taken.title }))).toEqual({
      ok: false,
      message: `Confluence rejected the change: A page with this title already exists: ${taken.title}`,
    });
    expect(app.site().page(PAGE)?.title).toBe('Release Process');
  });
});

describe('remove restrictions', () => {
  it('removes every view and edit restriction, and a second run finds none', async () => {
    const run = await runOn(PAGE, 'approved');
    app.site().setRestriction(PAGE, 'read', { users: ['u-alice', app.sandbox.appAccountId], groups: ['g-legal'] });
    app.site().setRestriction(PAGE, 'update', { users: ['u-alice', app.sandbox.appAccountId] });

    expect(await removeRestrictions(run, action({ type: 'removeRestrictions' }))).toEqual({
      ok: true,
      message: 'removed the view restrictions (2 people and 1 group) and edit restrictions (2 people)',
    });
    expect(app.site().restrictionsOf(PAGE)).toEqual({ read: { users: [], groups: [] }, update: { users: [], groups: [] } });
    expect(app.site().canView('u-grace', PAGE)).toBe(true);

    expect(await removeRestrictions(run, action({ type: 'removeRestrictions' }))).toEqual({ ok: true, message: 'the page had no restrictions' });
  });

  it('cannot lift restrictions that keep the app out: it says so and the page stays restricted', async () => {
    const run = await runOn(PAGE, 'approved');
    app.site().setRestriction(PAGE, 'read', { users: ['u-alice'] });

    expect(await removeRestrictions(run, action({ type: 'removeRestrictions' }))).toEqual({
      ok: false,
      message: 'the page was deleted, or its view restrictions leave ApprovalFlow out',
    });
    expect(app.site().restrictionsOf(PAGE).read.users).toEqual(['u-alice']);
  });
});

describe('add restrictions', () => {
  it('restricts viewing to the resolved people and groups, keeps the app in, and a second run sends nothing', async () => {
    const run = await runOn(PAGE, 'approved');
    const restrict = action({ type: 'addRestrictions', operation: 'read', principals: [{ type: 'variable', variable: '@author' }, { type: 'variable', variable: '@reviewers' }, { type: 'group', groupId: 'g-legal', name: 'legal' }] });

    expect(await addRestrictions(run, restrict)).toEqual({ ok: true, message: 'viewing restricted to 2 people and 1 group' });
    expect(app.site().restrictionsOf(PAGE).read).toEqual({ users: ['u-alice', 'u-bob', app.sandbox.appAccountId], groups: ['g-legal'] });
    expect(app.site().canView('u-grace', PAGE)).toBe(false);
    expect(app.site().canView('u-bob', PAGE)).toBe(true);

    const writes = () => app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.method === 'POST').length;
    const before = writes();
    expect(await addRestrictions(run, restrict)).toEqual({ ok: true, message: 'viewing restricted to 2 people and 1 group already' });
    expect(writes()).toBe(before);
    // The app still sees and edits the page: its byline and later actions keep working.
    expect(await manageLabels(run, action({ type: 'labels', add: ['restricted'] }))).toMatchObject({ ok: true });
  });

  it('an edit restriction on a view-restricted page lets its editors see the page too', async () => {
    const run = await runOn(PAGE, 'approved');
    app.site().setRestriction(PAGE, 'read', { users: ['u-alice', app.sandbox.appAccountId] });

    expect(await addRestrictions(run, action({ type: 'addRestrictions', operation: 'update', principals: [{ type: 'user', accountId: 'u-bob' }] }))).toMatchObject({ ok: true });
    expect(app.site().restrictionsOf(PAGE)).toEqual({
      read: { users: ['u-alice', app.sandbox.appAccountId, 'u-bob'], groups: [] },
      update: { users: ['u-bob', app.sandbox.appAccountId], groups: [] },
    });
    expect(app.site().canEdit('u-bob', PAGE)).toBe(true);
  });

  it('view and edit at once: one action sets both restrictions to the same people', async () => {
    const run = await runOn(PAGE, 'approved');

    expect(await addRestrictions(run, action({ type: 'addRestrictions', operation: 'both', principals: [{ type: 'variable', variable: '@author' }] }))).toEqual({
      ok: true,
      message: 'viewing and editing restricted to 1 person',
    });
    expect(app.site().restrictionsOf(PAGE)).toEqual({
      read: { users: ['u-alice', app.sandbox.appAccountId], groups: [] },
      update: { users: ['u-alice', app.sandbox.appAccountId], groups: [] },
    });
    expect(app.site().canView('u-bob', PAGE)).toBe(false);
    expect(app.site().canEdit('u-alice', PAGE)).toBe(true);
  });

  it('a variable that names nobody restricts nothing and says which one', async () => {
    const run = { ...(await runOn(PAGE, 'approved')), values: { authorId: 'u-alice', reviewerIds: [], ownerIds: [] } };

    expect(await addRestrictions(run, action({ type: 'addRestrictions', operation: 'update', principals: [{ type: 'variable', variable: '@lastEditor' }] }))).toEqual({
      ok: false,
      message: '@lastEditor named nobody when the action ran, so there was no one to restrict editing to; the page was left as it was',
    });
    expect(app.site().restrictionsOf(PAGE).update).toEqual({ users: [], groups: [] });
  });

  it('a group deleted from Confluence is named in the outcome and nothing is restricted', async () => {
    const run = await runOn(PAGE, 'approved');

    expect(await addRestrictions(run, action({ type: 'addRestrictions', operation: 'read', principals: [{ type: 'user', accountId: 'u-bob' }, { type: 'group', groupId: 'g-disbanded', name: 'disbanded' }] }))).toEqual({
      ok: false,
      message: 'a person or group the action names is not in Confluence any more; edit the action: No group found: g-disbanded',
    });
    expect(app.site().restrictionsOf(PAGE).read).toEqual({ users: [], groups: [] });
  });
});

describe('the app’s own versions in the dialog', () => {
  it('a version the app made is covered by the approval even when its page-updated event was lost', async () => {
    await runOn(PAGE, 'approved');
    await recordAppVersion(PAGE, 5, new Date().toISOString());
    app.site().addPageVersion(PAGE, { authorId: app.sandbox.appAccountId, title: 'Release Process (approved)' });

    const view = ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    expect([view.status, view.approvedVersion, view.page.currentVersion]).toEqual(['approved', 5, 5]);
  });

  it('a person’s version whose event was lost still shows the page Outdated', async () => {
    await runOn(PAGE, 'approved');
    app.site().addPageVersion(PAGE, { authorId: 'u-alice', body: '<p>changed</p>' });

    const view = ok(await app.as('u-grace').byline('getPageApproval', PAGE));
    expect([view.status, view.approvedVersion, view.page.currentVersion]).toEqual(['outdated', 4, 5]);
  });
});

describe('set official version', () => {
  it('records the approved version in a content property that the dialog and the REST API show', async () => {
    const run = await runOn(PAGE, 'approved');

    expect(await setOfficialVersion(run, action({ type: 'setOfficialVersion' }))).toEqual({ ok: true, message: 'version 4 is the official version' });
    const official = { version: 4, requestId: run.requestId, approvedAt: run.request.decidedAt };
    expect(app.site().propertyOf(PAGE, OFFICIAL_VERSION_PROPERTY_KEY)).toMatchObject(official);
    app.sandbox.ops.reset();
    expect(ok(await app.as('u-grace').byline('getPageApproval', PAGE)).officialVersion).toEqual(official);
    // Within the dialog's budget (DESIGN.md): the property comes with the page, its key with the byline's check.
    expect([app.sandbox.ops.storageRoundTrips(), app.sandbox.ops.count('confluence')]).toEqual([3, 1]);
    const answer = await callApi<{ officialVersion: unknown }>(app, 'u-grace', 'GET', `/pages/${PAGE}/approval`);
    expect(expectStatus(answer, 200).officialVersion).toEqual(official);
    expect(contractProblems('GET', '/pages/{pageId}/approval', answer)).toEqual([]);

    const writes = () => app.sandbox.ops.entries({ kind: 'confluence' }).filter((op) => op.method !== 'GET').length;
    const before = writes();
    expect(await setOfficialVersion(run, action({ type: 'setOfficialVersion' }))).toEqual({ ok: true, message: 'version 4 was already the official version' });
    expect(writes()).toBe(before);
  });

  it('a property someone else wrote is not shown as the official version', async () => {
    const run = await runOn(PAGE, 'approved');
    await setOfficialVersion(run, action({ type: 'setOfficialVersion' }));
    const stored = app.site().propertyOf(PAGE, OFFICIAL_VERSION_PROPERTY_KEY) as Record<string, unknown>;
    // Alice may edit the page, so Confluence lets her rewrite its properties through the REST API.
    const actor = { kind: 'user' as const, accountId: 'u-alice' };
    const headers = { 'content-type': 'application/json' };
    const properties = `/wiki/api/v2/pages/${PAGE}/properties`;
    const listed = await app.sandbox.requestConfluence({ method: 'GET', path: `${properties}?key=${OFFICIAL_VERSION_PROPERTY_KEY}`, headers, actor });
    const [current] = (JSON.parse(listed.body) as { results: { id: string; version: { number: number } }[] }).results;
    const reply = await app.sandbox.requestConfluence({
      method: 'PUT',
      path: `${properties}/${current.id}`,
      headers,
      actor,
      body: JSON.stringify({ key: OFFICIAL_VERSION_PROPERTY_KEY, value: { ...stored, version: 3 }, version: { number: current.version.number + 1 } }),
    });
    expect(reply.status).toBe(200);
    expect(app.site().propertyOf(PAGE, OFFICIAL_VERSION_PROPERTY_KEY)).toMatchObject({ version: 3 });

    expect(ok(await app.as('u-grace').byline('getPageApproval', PAGE)).officialVersion).toBeNull();
  });

  it('on entering another state it makes no version official and says where the action belongs', async () => {
    const run = await runOn(PAGE, 'inApproval', { approve: false });

    expect(await setOfficialVersion(run, action({ type: 'setOfficialVersion' }))).toEqual({
      ok: false,
      message: 'only an approval makes a version official: move this action to the Approved state',
    });
    expect(app.site().propertyOf(PAGE, OFFICIAL_VERSION_PROPERTY_KEY)).toBeUndefined();
  });
});

describe('notify', () => {
  interface AdfLike {
    type: string;
    text?: string;
    attrs?: { text?: string };
    content?: AdfLike[];
  }

  /** What a reader sees of a comment: paragraphs as lines, mentions as their @Name. */
  function textOf(comment: CommentSummary): string {
    const walk = (node: AdfLike): string => {
      if (node.type === 'text') return node.text ?? '';
      if (node.type === 'mention') return node.attrs?.text ?? '';
      const inner = (node.content ?? []).map(walk).join('');
      return node.type === 'paragraph' ? `${inner}\n` : inner;
    };
    return walk(JSON.parse(comment.body.value) as AdfLike).trim();
  }

  const comments = () => app.site().commentsOn(PAGE);
  const announce = action({
    type: 'notify',
    recipients: [{ type: 'variable', variable: '@author' }, { type: 'variable', variable: '@reviewers' }, { type: 'group', groupId: 'g-legal', name: 'Legal' }],
    message: 'The release notes can go out now.',
  });

  it('replies on the approval comment, mentioning the resolved people, once', async () => {
    const run = await runOn(PAGE, 'approved');
    const [root] = comments();
    const before = comments().length;

    expect(await notify(run, announce)).toEqual({ ok: true, message: 'replied to the approval comment, mentioning 2 people' });
    const reply = comments().at(-1);
    expect(comments()).toHaveLength(before + 1);
    expect(reply).toMatchObject({ parentCommentId: root.id, authorId: app.sandbox.appAccountId, mentions: ['u-alice', 'u-bob'] });
    expect(textOf(reply as CommentSummary)).toBe(
      '@Alice Author @Bob Approver The release notes can go out now.\nFor the group Legal.\nSent by the workflow Release review on entering Approved (version 4).',
    );

    expect(await notify(run, announce)).toEqual({ ok: true, message: 'the notification was already posted' });
    expect(comments()).toHaveLength(before + 1);
  });

  it('a run that stopped between posting and recording finds its reply instead of posting another', async () => {
    const run = await runOn(PAGE, 'approved');
    const startedAt = new Date().toISOString();
    await notify(run, announce);
    const after = comments().length;
    // As if the run stopped right after Confluence took the reply: the marker still says posting.
    app.settleIndexes();
    const posted = await kvs.query().where('key', WhereConditions.beginsWith(`action-notice:${run.requestId}:`)).getMany();
    expect(posted.results).toHaveLength(1);
    const [, , , actionKey] = posted.results[0].key.split(':');
    await markActionNotice(run.requestId, run.revision, actionKey, { state: 'posting', at: startedAt });

    expect(await notify(run, announce)).toEqual({ ok: true, message: 'replied to the approval comment, mentioning 2 people' });
    expect(comments()).toHaveLength(after);
  });

  it('re-entering the state (a new revision) notifies again', async () => {
    const run = await runOn(PAGE, 'approved');
    await notify(run, announce);
    const after = comments().length;

    expect(await notify({ ...run, revision: run.revision + 1 }, announce)).toMatchObject({ ok: true });
    expect(comments()).toHaveLength(after + 1);
  });

  it('posts a comment on the page when the approval comment was deleted', async () => {
    const run = await runOn(PAGE, 'approved');
    await kvs.set(threadKey(run.requestId), { commentId: '999999' });

    expect(await notify(run, announce)).toEqual({ ok: true, message: 'posted a comment on the page (its approval comment is gone), mentioning 2 people' });
    expect(comments().at(-1)).toMatchObject({ parentCommentId: null, mentions: ['u-alice', 'u-bob'] });
  });

  it('says the page is out of reach when restrictions keep the app out, and posts nothing', async () => {
    const run = await runOn(PAGE, 'approved');
    const before = comments().length;
    app.site().setRestriction(PAGE, 'read', { users: ['u-alice'] });

    expect(await notify(run, announce)).toEqual({ ok: false, message: 'the page was deleted, or its view restrictions leave ApprovalFlow out' });
    expect(comments()).toHaveLength(before);
  });

  it('a variable that names nobody notifies no one and says which', async () => {
    const run = { ...(await runOn(PAGE, 'approved')), values: { authorId: 'u-alice', reviewerIds: [], ownerIds: [] } };
    const before = comments().length;

    expect(await notify(run, action({ type: 'notify', recipients: [{ type: 'variable', variable: '@lastEditor' }], message: 'Have a look.' }))).toEqual({
      ok: false,
      message: '@lastEditor named nobody when the action ran, so no one was notified',
    });
    expect(comments()).toHaveLength(before);
  });

  it('throws a 429 for the runner to retry, and the retry posts once', async () => {
    const run = await runOn(PAGE, 'approved');
    const before = comments().length;
    app.sandbox.faults.failNext('confluence', 1, { status: 429, retryAfterSeconds: 5 });

    await expect(notify(run, announce)).rejects.toEqual(expect.any(ConfluenceBusyError));
    await expect(notify(run, announce)).resolves.toMatchObject({ ok: true });
    expect(comments()).toHaveLength(before + 1);
  });
});
