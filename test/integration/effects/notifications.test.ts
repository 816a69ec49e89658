/**
 * The approval thread: the app's footer comment on submission (mentioning the first step's
 * approvers) and its replies for decisions, step changes, outcomes and overdue reminders,
 * each posted once whatever the queue and Confluence do.
 */
import { type CommentSummary } from '../../../sandbox/confluence';
import { pushEffects } from '../../../src/commands/emit';
import { recordOverdueSteps } from '../../../src/commands/overdue';
import { getRequest } from '../../../src/storage/requests';
import { type TestApp, startApp } from '../support/app';
import { auditEntriesOf, decideOnPage, submitPage, withdrawPage } from '../support/effects-journey';

const PAGE = '10020';
const ENG = '1001';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow({
    name: 'Release review',
    steps: [
      { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }, { type: 'user', accountId: 'u-carol' }], rule: { kind: 'any' } },
      { id: 'legal', name: 'Legal', approvers: [{ type: 'user', accountId: 'u-dana' }, { type: 'user', accountId: 'u-eve' }], rule: { kind: 'all' }, dueDays: 3 },
    ],
  }, 'default');
});

afterEach(() => {
  jest.restoreAllMocks();
  app.close();
});

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

const thread = () => app.site().commentsOn(PAGE);
const replies = () => thread().filter((comment) => comment.parentCommentId !== null);

async function approveAll(): Promise<void> {
  await decideOnPage(app, PAGE, 'u-bob', 'approve', 'Looks good');
  await app.drain();
  await decideOnPage(app, PAGE, 'u-dana', 'approve');
  await app.drain();
  await decideOnPage(app, PAGE, 'u-eve', 'approve');
  await app.drain();
}

describe('the approval thread', () => {
  it('opens with a comment by the app that mentions the approvers of step 1', async () => {
    await submitPage(app, PAGE, 'u-alice', 'Please check the rollback section');
    await app.drain();

    const comments = thread();
    expect(comments).toHaveLength(1);
    const [root] = comments;
    expect(root.authorId).toBe(app.sandbox.appAccountId);
    expect(root.parentCommentId).toBeNull();
    expect(root.mentions).toEqual(['u-bob', 'u-carol']);
    expect(textOf(root)).toBe(
      '@Bob Approver @Carol Approver Alice Author submitted version 4 for approval (Release review).\n' +
        '“Please check the rollback section”\n' +
        'Step 1 of 2 (Review) is waiting for your decision. Approve or reject it from the Approval button in the page byline.',
    );
  });

  it('replies to it for every decision and step change, and mentions the author on the outcome', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    await approveAll();

    const [root] = thread();
    const answers = replies();
    expect(answers.every((reply) => reply.parentCommentId === root.id && reply.authorId === app.sandbox.appAccountId)).toBe(true);
    expect(answers.map(textOf)).toEqual([
      'Bob Approver approved step 1 of 2 (Review).\n“Looks good”',
      expect.stringMatching(/^@Dana Legal @Eve Legal Step 1 of 2 \(Review\) is complete; step 2 of 2 \(Legal\) has started\.\nStep 2 of 2 \(Legal\) is waiting for your decision, due \d+ \w+ \d{4}\.$/),
      'Dana Legal approved step 2 of 2 (Legal).',
      'Eve Legal approved step 2 of 2 (Legal).',
      '@Alice Author Version 4 was approved.',
    ]);
    expect(answers.map((reply) => reply.mentions)).toEqual([[], ['u-dana', 'u-eve'], [], [], ['u-alice']]);
  });

  it('tells the author when changes are requested, with the reason', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    await decideOnPage(app, PAGE, 'u-carol', 'reject', 'The rollback section is missing');
    await app.drain();

    expect(replies().map(textOf)).toEqual([
      'Carol Approver rejected step 1 of 2 (Review).\n“The rollback section is missing”',
      '@Alice Author Changes were requested on version 4 at step 1 of 2 (Review).',
    ]);
    expect(replies()[1].mentions).toEqual(['u-alice']);
  });

  it('tells the author about a withdrawal', async () => {
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    await withdrawPage(app, PAGE, 'u-alice');
    await app.drain();

    expect(replies().map(textOf)).toEqual(['@Alice Author Alice Author withdrew version 4 from approval.']);
  });

  it('reminds the approvers still pending when a step is overdue', async () => {
    const { id } = await submitPage(app, PAGE, 'u-alice');
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await decideOnPage(app, PAGE, 'u-dana', 'approve');
    await app.drain();
    const request = await getRequest(id);
    if (request === undefined) throw new Error('request missing');
    // The daily job runs four days later: the Legal step (due after three days) still waits for Eve.
    const dueAt = request.steps[1].dueAt ?? '';
    await recordOverdueSteps(request, new Date(Date.now() + 4 * 24 * 60 * 60 * 1000).toISOString());
    await app.drain();

    const reminder = replies().at(-1);
    expect(reminder?.parentCommentId).toBe(thread()[0].id);
    expect(reminder?.mentions).toEqual(['u-eve']);
    expect(reminder === undefined ? '' : textOf(reminder)).toBe(
      `@Eve Legal Reminder: Step 2 of 2 (Legal) is overdue (due ${dueAt.slice(0, 10)}): waiting for Eve Legal.`,
    );
  });
});

describe('posting each notice once', () => {
  it('posts nothing twice when the queue delivers every job twice', async () => {
    app.sandbox.queue.duplicateDelivery = true;
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();
    await approveAll();

    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).filter((delivery) => delivery.duplicate)).toHaveLength(4);
    expect(thread()).toHaveLength(6);
    expect(new Set(thread().map(textOf)).size).toBe(6);
  });

  it('retries the job when Confluence fails and still ends with exactly one comment', async () => {
    await submitPage(app, PAGE, 'u-alice');
    app.sandbox.faults.failNext('confluence', 2, { status: 503 });
    await app.drain();

    const outcomes = app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).map((delivery) => delivery.outcome);
    expect(outcomes).toEqual(['error', 'error', 'success']);
    expect(thread()).toHaveLength(1);
    expect(thread()[0].mentions).toEqual(['u-bob', 'u-carol']);
  });

  it('does not post again when the job stopped right after Confluence accepted the comment', async () => {
    const site = app.site();
    const handle = site.handle.bind(site);
    let crashAfterPost = true;
    // The comment is created, then the very next storage call (recording it) fails: the job dies in between.
    site.handle = async (request) => {
      const reply = await handle(request);
      if (crashAfterPost && request.method === 'POST' && request.path.endsWith('/footer-comments') && reply.status === 201) {
        crashAfterPost = false;
        app.sandbox.faults.failNext('storage', 1);
      }
      return reply;
    };
    await submitPage(app, PAGE, 'u-alice');
    await app.drain();

    expect(crashAfterPost).toBe(false);
    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).map((delivery) => delivery.outcome)).toEqual(['error', 'success']);
    expect(thread()).toHaveLength(1);

    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    expect(replies().every((reply) => reply.parentCommentId === thread()[0].id)).toBe(true);
    expect(replies()).toHaveLength(2);
  });

  it('starts the thread from a later job when the submission job has not run yet', async () => {
    // The submission's push is lost; the approval's job is the first to run.
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
    app.sandbox.faults.failNext('queue', 1);
    const request = await submitPage(app, PAGE, 'u-alice');
    await decideOnPage(app, PAGE, 'u-bob', 'approve');
    await app.drain();
    // The submission's own job arrives afterwards (a redelivery): it must not open a second thread.
    await pushEffects(ENG, [`${request.id}:1`], PAGE);
    await app.drain();

    const roots = thread().filter((comment) => comment.parentCommentId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0].mentions).toEqual(['u-bob', 'u-carol']);
    expect(replies().map(textOf)[0]).toBe('Bob Approver approved step 1 of 2 (Review).');
  });

  it('gives up on a page that was deleted after the change instead of retrying for a day', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await submitPage(app, PAGE, 'u-alice');
    const site = app.site();
    const handle = site.handle.bind(site);
    // From now on Confluence answers for the page as for a deleted one.
    site.handle = async (request) => {
      const aboutPage = request.path.includes(`/pages/${PAGE}`) || (request.body ?? '').includes(`"pageId":"${PAGE}"`);
      if (!aboutPage) return handle(request);
      const body = { errors: [{ status: 404, code: 'NOT_FOUND', title: `No content found with id: ${PAGE}`, detail: null }] };
      return { status: 404, headers: { 'content-type': 'application/json;charset=UTF-8' }, body: JSON.stringify(body) };
    };
    await app.drain();

    expect(app.sandbox.queue.deliveries({ queueName: 'approval-effects' }).map((delivery) => delivery.outcome)).toEqual(['success']);
    expect(warn).toHaveBeenCalledTimes(2);
    expect((await auditEntriesOf(ENG)).map((entry) => entry.row.sealed)).toEqual([true]);
  });
});
