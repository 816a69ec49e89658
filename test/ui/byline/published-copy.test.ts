/**
 * The byline dialog on a copy the publish action made: it says whose copy it is, links to the
 * source, offers nothing to submit, and leaves the byline the action wrote as it is.
 */
import { publishPage } from '../../../src/actions/execute/publish';
import { actionRunFor, workflowAction } from '../../integration/support/action-run';
import { startApp, type TestApp } from '../../integration/support/app';
import { decideOnPage, submitPage } from '../../integration/support/effects-journey';
import { RELEASE_PROCESS, buttonLabels, functionCalls, openDialog, quickReview, statusLozenge } from './dialog';

let app: TestApp;

beforeEach(async () => {
  app = await startApp();
  await app.createWorkflow(quickReview(), 'default');
});

afterEach(() => app.close());

/** Release Process approved (v4) and published under PUB's Engineering Handbook; the copy's id. */
async function publishedCopy(): Promise<string> {
  const submitted = await submitPage(app, RELEASE_PROCESS, 'u-alice');
  await decideOnPage(app, RELEASE_PROCESS, 'u-bob', 'approve');
  await app.drain();
  const run = await actionRunFor(app, submitted.id, 'approved');
  const action = workflowAction({ type: 'publish', target: { type: 'space', spaceKey: 'PUB', parentPageId: '30010' } });
  expect(await publishPage(run, action)).toMatchObject({ ok: true });
  const copy = app.site().childrenOf('30010').find((page) => page.title === 'Release Process');
  if (copy === undefined) throw new Error('no copy under the Engineering Handbook');
  return copy.id;
}

describe('the byline dialog, on a published copy', () => {
  it('names and links the source page and the approved version, and offers no Submit even to a space admin', async () => {
    const copyId = await publishedCopy();
    const byline = app.bylineProperty(copyId);

    const screen = await openDialog(app, 'u-frank', copyId);

    const notices = screen.queryAllByType('SectionMessage').filter((node) => node.props.title === 'Published copy');
    expect(notices).toHaveLength(1);
    expect(screen.textContent(notices[0])).toMatch(/This page is a copy of Release Process \(ENG\), version 4 approved on .+\. To change it, edit the source page and submit it for approval there\.$/);
    expect(screen.queryAllByType('Link').map((link) => link.props.href)).toContain(`/wiki/pages/viewpage.action?pageId=${RELEASE_PROCESS}`);
    expect(statusLozenge(screen)).toEqual({ text: 'Published copy', appearance: 'success' });
    expect(buttonLabels(screen)).toEqual([]);
    expect(functionCalls(screen, 'submit')).toEqual([]);
    await app.drain();
    expect(app.bylineProperty(copyId)).toEqual(byline);
  });
});
