/**
 * A burst of decisions in one space: the space's effects run one job at a time, so a job takes on
 * the waiting entries of the space with its own and the later jobs find theirs handled. Far fewer
 * effects passes than decisions, every byline right at the end, the chain intact, and each
 * decision's comment posted once.
 */
import { type BylineResults } from '../../../src/shared/contract/byline';
import { verifyChain } from '../../../src/storage/audit-chain';
import { SPACES, type TestApp, ok, startApp } from '../support/app';

const DECISIONS = 60;
/** Real milliseconds between two decisions of the burst. */
const GAP_MS = 25;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a burst of decisions in one space', () => {
  let app: TestApp;
  const pages: Array<{ pageId: string; requestId: string }> = [];

  beforeAll(async () => {
    app = await startApp();
    await app.createWorkflow(
      { name: 'Docs review', steps: [{ id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }] },
      'default',
    );
    for (let i = 0; i < DECISIONS; i += 1) {
      const pageId = app.site().addPage({ spaceId: SPACES.ENG.id, title: `Release note ${i}`, authorId: 'u-alice' }).id;
      const view = ok(await app.as('u-alice').byline('submit', pageId, {}));
      if (view.request === null) throw new Error(`no request after submitting page ${pageId}`);
      pages.push({ pageId, requestId: view.request.id });
    }
    await app.drain();
  }, 120_000);

  afterAll(() => app.close());

  it('coalesces the effects: far fewer passes than decisions, every byline right', async () => {
    // Real waits: the space's jobs queue up behind each other while decisions keep coming.
    app.sandbox.latency.set({ mode: 'sleep', kvs: 5, confluence: 20 });
    app.sandbox.ops.reset();
    const decided: Array<Promise<BylineResults['approve'] | unknown>> = [];
    for (const { pageId, requestId } of pages) {
      decided.push(app.as('u-bob').byline('approve', pageId, { requestId, stepIndex: 0 }));
      await pause(GAP_MS);
    }
    const answers = await Promise.all(decided);
    await app.drain();
    app.sandbox.latency.set({ mode: 'virtual', kvs: 0, confluence: 0 });

    expect(answers.every((answer) => ok(answer as BylineResults['approve']).status === 'approved')).toBe(true);
    expect(pages.map(({ pageId }) => app.bylineProperty(pageId)?.title)).toEqual(new Array(DECISIONS).fill('Approved v1'));

    const effectsJobs = app.sandbox.ops.invocations({ kind: 'consumer' }).filter((invocation) => invocation.functionKey === 'effects-consumer');
    // A pass writes bylines (Confluence calls); a job whose entries an earlier pass handled makes none.
    const passes = effectsJobs.filter((invocation) => app.sandbox.ops.count('confluence', invocation.id) > 0);
    expect(effectsJobs).toHaveLength(DECISIONS);
    expect(passes.length).toBeLessThanOrEqual(DECISIONS / 4);
    expect(effectsJobs.every((invocation) => invocation.outcome === 'ok')).toBe(true);

    expect((await verifyChain(SPACES.ENG.id)).ok).toBe(true);
    // Each decision's replies are in its request's thread once, however the jobs were merged: every
    // page's thread has the same shape, and no reply is there twice.
    const threads = pages.map(({ pageId }) => app.site().commentsOn(pageId));
    const replyCounts = threads.map((thread) => thread.filter((comment) => comment.parentCommentId !== null).length);
    expect(replyCounts[0]).toBeGreaterThan(0);
    expect(new Set(replyCounts)).toEqual(new Set([replyCounts[0]]));
    for (const thread of threads) expect(new Set(thread.map((comment) => JSON.stringify(comment.body))).size).toBe(thread.length);
  }, 180_000);
});
