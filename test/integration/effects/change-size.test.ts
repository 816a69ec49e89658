/**
 * The size of a resubmission since the page's earlier approval: measured once by the submission's
 * effects (as the app), said in the approval comment, and kept for a redelivered job.
 */
import { type CommentSummary } from '../../../sandbox/confluence';
import { pushEffects } from '../../../src/commands/emit';
import { type QueuePageView } from '../../../src/shared/contract/queue';
import { getChangeSizes } from '../../../src/storage/change-sizes';
import { MODULES, ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from '../core/fixtures';

let app: TestApp;
beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow(singleStep(), 'default');
});
afterEach(() => app.close());

interface AdfLike {
  type: string;
  text?: string;
  content?: AdfLike[];
}

const textOf = (comment: CommentSummary): string => {
  const walk = (node: AdfLike): string => (node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(walk).join(''));
  return walk(JSON.parse(comment.body.value) as AdfLike);
};
const threadRoots = () => app.site().commentsOn(ENG_PAGE).filter((comment) => comment.parentCommentId === null).map(textOf);

async function edit(body: string): Promise<void> {
  await app.sandbox.editPage(ENG_PAGE, 'u-alice', { body });
  await app.drain();
}

it('says how much changed since the approved version in the submission comment, and only then', async () => {
  await edit('<p>Tag the build.</p><p>Notify QA.</p><p>Ship on Fridays.</p>');
  const first = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
  await app.drain();
  ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: first, stepIndex: 0 }));
  await app.drain();
  await edit('<p>Tag the build.</p><p>Ship on Mondays.</p><p>Plan a rollback.</p>');
  const second = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
  await app.drain();

  const roots = threadRoots();
  expect(roots).toHaveLength(2);
  expect(roots[0]).not.toMatch(/since approved/);
  expect(roots[1]).toMatch(/^ ?Alice Author submitted version 6 for approval \(Quick review\)\.2 changes since approved v5\.Step 1/);
  const sizes = await getChangeSizes([first, second]);
  expect(sizes.has(first)).toBe(false);
  expect(sizes.get(second)).toEqual({ fromVersion: 5, toVersion: 6, counts: { added: 0, removed: 0, changed: 2 } });

  // A redelivered submission job finds the comment it posted and the size it stored: nothing new.
  await pushEffects('1001', [`${second}:1`], ENG_PAGE);
  await app.drain();
  expect(threadRoots()).toEqual(roots);
  expect((await getChangeSizes([second])).get(second)).toEqual(sizes.get(second));
});

it('shows the size of the change in the queue, only for a resubmission after an approval', async () => {
  await edit('<p>Tag the build.</p><p>Notify QA.</p><p>Ship on Fridays.</p>');
  const first = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
  await app.drain();
  const queue = async () =>
    ok((await app.as('u-bob').invoke(MODULES.queue, 'listQueue', { tab: 'pending' }, app.spaceContext('ENG'))) as QueuePageView).items.filter((item) => item.pageId === ENG_PAGE);
  expect((await queue()).map((item) => item.changeSize)).toEqual([undefined]);
  ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: first, stepIndex: 0 }));
  await app.drain();
  await edit('<p>Tag the build.</p><p>Notify QA.</p><p>Ship on Mondays.</p><p>Plan a rollback.</p><p>Tell support.</p>');
  ok(await app.as('u-alice').byline('submit', ENG_PAGE));
  await app.drain();
  // One paragraph changed (one removed, one added) and two added.
  expect((await queue()).map((item) => [item.version, item.changeSize])).toEqual([[6, { sinceVersion: 5, added: 3, removed: 1 }]]);
});

it('says nothing of size when the bodies are too large to compare, and stores that once', async () => {
  const first = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
  await app.drain();
  ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId: first, stepIndex: 0 }));
  await app.drain();
  await edit(`<p>${'word '.repeat(120_000)}</p>`);
  const second = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id ?? '';
  await app.drain();
  expect(threadRoots()[1]).not.toMatch(/since approved/);
  expect((await getChangeSizes([second])).get(second)).toEqual({ fromVersion: 4, toVersion: 5, counts: null });
});
