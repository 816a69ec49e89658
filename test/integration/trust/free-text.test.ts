/**
 * Free text is cleaned once, at the contract: control characters (but line breaks and tabs) and
 * lone surrogates never reach storage or Confluence, and a required comment, reason or name must
 * contain something a reader can see.
 */
import { MODULES, ok, refused, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from '../core/fixtures';

const INVISIBLE = ['\u200b', ' \u200b\u200c\u200d ', '\ufeff', '\u3164', '\u00ad\u2060', '\u0000', '\t\n', '\ud800'];
const DIRTY = 'Looks\u0000 good\u0007 to me\ud800\r\n\tthanks 👍\u200d';
const CLEAN = 'Looks good to me\n\tthanks 👍\u200d';

describe('free text', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
    await app.createWorkflow(singleStep(), 'default');
  });
  afterEach(() => app.close());

  async function submitted(comment?: string): Promise<string> {
    return ok(await app.as('u-alice').byline('submit', ENG_PAGE, comment === undefined ? {} : { comment })).request?.id ?? '';
  }

  it.each(INVISIBLE.map((text) => [JSON.stringify(text), text]))('a rejection whose comment is only %s is refused and changes nothing', async (_shown, comment) => {
    const requestId = await submitted();
    await app.drain();
    const before = app.appState();
    const error = refused(await app.as('u-bob').byline('reject', ENG_PAGE, { requestId, stepIndex: 0, comment }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'comment: A comment explaining the rejection is required' });
    await app.drain();
    expect(app.appState()).toEqual(before);
  });

  it('a bulk rejection whose comment is invisible is refused', async () => {
    const requestId = await submitted();
    await app.drain();
    const before = app.appState();
    const error = refused(await app.as('u-bob').invoke(MODULES.queue, 'bulkDecide', { decision: 'reject', comment: '\u200b', items: [{ requestId, stepIndex: 0 }] }, app.spaceContext('ENG')));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'comment: A comment explaining the rejection is required' });
    expect(app.appState()).toEqual(before);
  });

  it('an override reason that is only zero-width characters is refused', async () => {
    await submitted();
    await app.drain();
    const before = app.appState();
    const error = refused(await app.as('u-frank').byline('override', ENG_PAGE, { targetStatus: 'approved', reason: '\u200b\u200b' }));
    expect(error).toMatchObject({ code: 'VALIDATION', message: 'reason: A reason for the override is required' });
    expect(app.appState()).toEqual(before);
  });

  it('control characters and lone surrogates are removed before the comment is stored and posted', async () => {
    const requestId = await submitted(DIRTY);
    const view = ok(await app.as('u-bob').byline('reject', ENG_PAGE, { requestId, stepIndex: 0, comment: DIRTY }));
    await app.drain();
    const stored = JSON.stringify(app.appState());
    expect(stored).not.toMatch(/\\u0000|\\u0007|\\ud800|\\r/);
    expect(view.request?.steps[0]?.approvers.find((a) => a.accountId === 'u-bob')?.comment).toBe(CLEAN);
    const history = ok(await app.as('u-alice').byline('getPageHistory', ENG_PAGE));
    expect(history.entries.filter((entry) => entry.comment !== undefined).map((entry) => entry.comment)).toEqual([CLEAN, CLEAN]);
    const posted = JSON.stringify(app.site().commentsOn(ENG_PAGE).map((comment) => comment.body));
    expect(posted).toContain('Looks good to me');
    expect(posted).not.toMatch(/\\u0000|\\u0007|\\ud800/);
  });

  it('workflow names, descriptions and step names are cleaned, and a name must be visible', async () => {
    const settings = app.as('u-frank');
    const workflow = {
      name: 'Legal\u0000 review\u0008',
      description: 'Checks\u001b[31m contracts\ud83d',
      owners: [],
      steps: [{ id: 's1', name: 'Counsel\u0000', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } }],
    };
    const created = ok(await settings.invoke(MODULES.settings, 'createWorkflow', { workflow }, app.spaceContext('ENG'))) as { workflow: unknown };
    expect(created.workflow).toMatchObject({ name: 'Legal review', description: 'Checks[31m contracts', steps: [{ name: 'Counsel' }] });

    const before = app.appState();
    const refusal = refused(await settings.invoke(MODULES.settings, 'createWorkflow', { workflow: { ...workflow, name: '\u200b\u0000' } }, app.spaceContext('ENG')));
    expect(refusal).toMatchObject({ code: 'VALIDATION', message: 'workflow.name: Workflow name is required' });
    expect(app.appState()).toEqual(before);
  });
});
