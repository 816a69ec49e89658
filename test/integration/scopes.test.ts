/**
 * manifest.yml declares exactly the scopes the app's calls need: each declared scope, removed
 * from a copy of the manifest, breaks the feature that needs it with the platform's error, and
 * every Confluence call of a full run is covered by a declared scope (docs/architecture.md, "Scopes").
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatISO, subDays } from 'date-fns';
import { parseManifest } from '../../sandbox/runtime/manifest';
import { operationFor } from '../../sandbox/runtime/scope-check';
import { addRestrictions } from '../../src/actions/execute/add-restrictions';
import { publishPage } from '../../src/actions/execute/publish';
import { removeRestrictions } from '../../src/actions/execute/remove-restrictions';
import { variableValues } from '../../src/domain/state-actions';
import { isBridgeError } from '../../src/shared/errors';
import { type WorkflowAction, workflowActionSchema } from '../../src/shared/workflow';
import { getRequest } from '../../src/storage/requests';
import { ENTITY } from '../../src/storage/entities';
import { actionRunFor, workflowAction } from './support/action-run';
import { APP_ROOT, MODULES, startApp, type TestApp } from './support/app';
import { settingsAs } from './support/settings';

const PAGE = '10020'; // Release Process, ENG, written by Alice
const PAGE_WITH_CHILDREN = '10030';
const FOLDER = '10010'; // Architecture, ENG
const MANIFEST = readFileSync(join(APP_ROOT, 'manifest.yml'), 'utf8');
const DECLARED = parseManifest(MANIFEST).scopes.map((scope) => scope.key);

type Feature =
  | 'byline dialog'
  | 'submit'
  | 'queue'
  | 'decide'
  | 'effects'
  | 'page edit'
  | 'analytics'
  | 'tree'
  | 'folder assignment'
  | 'space admin by role'
  | 'group search'
  | 'publish'
  | 'restrictions';

/** The feature each scope serves, as docs/architecture.md lists it: without the scope it fails. */
const NEEDED_BY: Record<string, Feature> = {
  'storage:app': 'byline dialog',
  'read:page:confluence': 'byline dialog',
  'write:page:confluence': 'effects',
  'read:folder:confluence': 'folder assignment',
  'read:hierarchical-content:confluence': 'tree',
  'read:content.metadata:confluence': 'tree',
  'read:confluence-content.summary': 'page edit',
  'read:comment:confluence': 'effects',
  'write:comment:confluence': 'effects',
  'read:space:confluence': 'submit',
  'read:space.permission:confluence': 'space admin by role',
  'read:user:confluence': 'effects',
  'read:confluence-groups': 'group search',
  'read:confluence-user': 'decide',
  'write:confluence-content': 'publish',
  'read:confluence-content.all': 'restrictions',
  'read:confluence-space.summary': 'publish',
};

/** A resolver answer's failure, or undefined when it succeeded. */
function failureOf(result: unknown): string | undefined {
  return isBridgeError(result) ? `${result.error.code}: ${result.error.message}` : undefined;
}

async function attempt(run: () => Promise<string | undefined>): Promise<string | undefined> {
  try {
    return await run();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * As if an earlier delivery of the effects crashed after marking the submission's comment as
 * being posted: the next one must look among the page's comments before posting again.
 */
function lostCommentAnswer(app: TestApp, requestId: string): void {
  const snapshot = app.sandbox.storage.snapshot();
  const now = Date.now();
  snapshot.kvs.push([`notice:${requestId}:1`, { value: { state: 'posting' }, createdAt: now, updatedAt: now }]);
  app.sandbox.storage.restore(snapshot);
}

/**
 * Every feature once, in the order a space lives them; each answer is a failure message or
 * undefined. A feature is tried even when an earlier one failed, so each scope shows where it bites.
 */
async function journey(app: TestApp): Promise<Record<Feature, string | undefined>> {
  const setUp = app.createWorkflow(
    {
      name: 'Release review',
      steps: [
        { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } },
        { id: 'signoff', name: 'Sign-off', approvers: [{ type: 'group', groupId: 'g-engineering', name: 'engineering' }], rule: { kind: 'any' } },
      ],
    },
    'default',
  );
  // Without storage:app the set-up fails too; the features below show how.
  await setUp.catch(() => undefined);
  const alice = app.as('u-alice');
  const frank = settingsAs(app, 'u-frank');
  const outcome = {} as Record<Feature, string | undefined>;
  let requestId = '';

  outcome['byline dialog'] = await attempt(async () => failureOf(await alice.byline('getPageApproval', PAGE)));
  outcome.submit = await attempt(async () => {
    const submitted = await alice.byline('submit', PAGE, { comment: 'Please review' });
    if (isBridgeError(submitted)) return failureOf(submitted);
    requestId = submitted.request?.id ?? '';
    return undefined;
  });
  if (requestId !== '') lostCommentAnswer(app, requestId);
  outcome.queue = await attempt(async () => {
    await app.drain(); // the approver's task is written by the effects, and read through an index
    const page = await app.as('u-bob').invoke(MODULES.queue, 'listQueue', { tab: 'pending' }, app.spaceContext('ENG'));
    if (isBridgeError(page)) return failureOf(page);
    return (page as { items: unknown[] }).items.length === 1 ? undefined : 'the pending request is not in the queue';
  });
  outcome.decide = await attempt(
    async () =>
      failureOf(await app.as('u-bob').byline('approve', PAGE, { requestId, stepIndex: 0 })) ??
      failureOf(await app.as('u-ivan').byline('approve', PAGE, { requestId, stepIndex: 1 })),
  );
  outcome.effects = await attempt(async () => {
    await app.drain();
    if (app.bylineProperty(PAGE) === undefined) return 'the byline property was not written';
    return app.site().commentsOn(PAGE).length === 0 ? 'no notification comment was posted' : undefined;
  });
  outcome.publish = await attempt(async () => {
    const request = await getRequest(requestId);
    if (request === undefined) return 'the approved request was not stored';
    // With descendants: a page tree is copied as a Confluence long task, which the app then reads.
    const action = workflowActionSchema.parse({ type: 'publish', target: { type: 'space', spaceKey: 'PUB' }, includeDescendants: true }) as Extract<WorkflowAction, { type: 'publish' }>;
    const run = { requestId, revision: request.revision, state: 'approved' as const, spaceId: request.spaceId, spaceKey: 'ENG', pageId: PAGE, contentType: 'page' as const, pageVersion: request.pageVersion, request, workflow: request.workflow, values: variableValues(request, []), spaceVariables: [] };
    const published = await publishPage(run, action);
    return published.ok ? undefined : published.message;
  });
  outcome.restrictions = await attempt(async () => {
    // The restriction actions read what the page has before they change it.
    const run = await actionRunFor(app, requestId, 'approved');
    const restricted = await addRestrictions(run, workflowAction({ type: 'addRestrictions', operation: 'update', principals: [{ type: 'variable', variable: '@author' }] }));
    const opened = await removeRestrictions(run, workflowAction({ type: 'removeRestrictions' }));
    return [restricted, opened].find((result) => !result.ok)?.message;
  });
  outcome['page edit'] = await attempt(async () => {
    await app.sandbox.editPage(PAGE, 'u-alice', { body: '<p>Code freeze moves to Wednesday.</p>' });
    await app.drain();
    // Read past the SDK, so a missing storage scope does not hide what the trigger did.
    const stored = app.sandbox.storage.snapshot().entities[ENTITY.pageState]?.find(([key]) => key === PAGE)?.[1].value;
    const status = (stored as { status?: string } | undefined)?.status;
    return status === 'outdated' ? undefined : `the edited page is '${String(status)}', not outdated`;
  });
  outcome.analytics = await attempt(async () => {
    const today = new Date();
    const range = { from: formatISO(subDays(today, 7), { representation: 'date' }), to: formatISO(today, { representation: 'date' }) };
    const view = await alice.invoke(MODULES.analytics, 'getAnalytics', range);
    return failureOf(view);
  });
  outcome.tree = await attempt(
    async () =>
      failureOf(await frank('getTreeLevel', { parent: { type: 'space' } })) ??
      failureOf(await frank('getTreeLevel', { parent: { type: 'page', id: PAGE_WITH_CHILDREN } })) ??
      failureOf(await frank('getTreeLevel', { parent: { type: 'folder', id: FOLDER } })),
  );
  outcome['folder assignment'] = await attempt(async () => failureOf(await frank('assignWorkflow', { pageId: FOLDER, workflowIds: [], scope: 'subtree' })));
  outcome['space admin by role'] = await attempt(async () => {
    const list = await settingsAs(app, 'u-judy', 'PUB')('listWorkflows');
    if (isBridgeError(list)) return failureOf(list);
    return list.isSpaceAdmin ? undefined : 'Judy, a space admin through a role, is not recognised';
  });
  outcome['group search'] = await attempt(
    async () => failureOf(await frank('searchGroups', { query: 'eng' })) ?? failureOf(await frank('searchGroups', { query: '' })),
  );
  return outcome;
}

describe('the scopes manifest.yml declares', () => {
  it('are all needed by a feature, and name one the test knows', () => {
    expect([...DECLARED].sort()).toEqual(Object.keys(NEEDED_BY).sort());
  });

  it('let every feature work, and cover every Confluence call of a full run', async () => {
    const app = await startApp();
    try {
      const outcome = await journey(app);
      expect(Object.entries(outcome).filter(([, failure]) => failure !== undefined)).toEqual([]);

      const calls = app.sandbox.ops.entries({ kind: 'confluence' });
      const needed = new Set(['storage:app', 'read:confluence-content.summary']);
      const uncovered: string[] = [];
      for (const call of calls) {
        const operation = operationFor(call.method, call.path);
        for (const scope of operation?.scopes ?? []) needed.add(scope);
        if (operation === undefined || operation.scopes.some((scope) => !DECLARED.includes(scope))) uncovered.push(`${call.method} ${call.path}`);
      }
      expect(uncovered).toEqual([]);
      // No scope the run does not use: the two platform scopes are used by storage and the page event.
      expect([...needed].sort()).toEqual([...DECLARED].sort());
      expect(app.sandbox.triggerDeliveries().some((delivery) => delivery.outcome === 'ok')).toBe(true);
    } finally {
      app.close();
    }
  });

  describe.each(DECLARED)('without %s', (scope) => {
    let dir: string;
    let app: TestApp;

    beforeEach(async () => {
      dir = mkdtempSync(join(tmpdir(), 'manifest-'));
      const manifestFile = join(dir, 'manifest.yml');
      const without = MANIFEST.replace(`    - ${scope}\n`, '');
      if (without === MANIFEST) throw new Error(`manifest.yml lists ${scope} in a form this test cannot remove`);
      writeFileSync(manifestFile, without);
      app = await startApp({ manifestFile });
    });

    afterEach(() => {
      app.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it(`breaks the ${NEEDED_BY[scope] ?? 'feature that needs it'} with the platform's error`, async () => {
      const outcome = await journey(app);
      expect(outcome[NEEDED_BY[scope]]).toEqual(expect.any(String));
      if (scope === 'storage:app') {
        expect(app.sandbox.ops.entries({ kind: 'kvs' }).some((entry) => entry.status === 403)).toBe(true);
      } else if (scope === 'read:confluence-content.summary') {
        expect(app.sandbox.triggerDeliveries().every((delivery) => delivery.outcome === 'skipped')).toBe(true);
      } else {
        const refused = app.sandbox.ops
          .entries({ kind: 'confluence' })
          .filter((entry) => entry.status === 401 && (operationFor(entry.method, entry.path)?.scopes.includes(scope) ?? false));
        expect(refused).not.toEqual([]);
      }
    });
  });
});
