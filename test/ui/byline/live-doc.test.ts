/**
 * The byline dialog on a live doc: Confluence's context says `content.subtype: 'live'`, and the
 * dialog says what is supported instead of offering a submission it would refuse.
 */
import { LIVE_DOC_NOTICE } from '../../../src/shared/content';
import { startApp, type TestApp } from '../../integration/support/app';
import { renderModule } from '../support/render';
import { buttonLabels, functionCalls, openDialog, quickReview, statusLozenge } from './dialog';

const LIVE_DOC = '10080'; // "Setup Troubleshooting Notes", ENG, a live doc Alice wrote and may edit

describe('the byline dialog, on a live doc', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('shows the live-doc notice to its author, and no Submit, note or workflow choice', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const screen = await openDialog(app, 'u-alice', LIVE_DOC);

    expect(screen.context()).toMatchObject({ extension: { content: { id: LIVE_DOC, type: 'page', subtype: 'live' } } });
    const notices = screen.queryAllByType('SectionMessage').filter((node) => node.props.title === 'Not available for live docs');
    expect(notices).toHaveLength(1);
    expect(screen.textContent(notices[0])).toContain(LIVE_DOC_NOTICE);
    expect(statusLozenge(screen)).toEqual({ text: 'Draft', appearance: 'default' });
    expect(buttonLabels(screen)).toEqual([]);
    expect(screen.queryByLabel('Note for the approvers')).toBeNull();
    expect(screen.queryByLabel('Workflow')).toBeNull();
    expect(functionCalls(screen, 'submit')).toEqual([]);
  });

  it('offers Submit on the same page when the context names no subtype, so the notice comes from the context', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const context = { ...app.pageContext(LIVE_DOC), content: { id: LIVE_DOC, type: 'page', subtype: null } };
    const screen = await renderModule({ entry: 'src/frontend/byline.tsx', moduleKey: 'approval-byline', accountId: 'u-alice', context, sandbox: app.sandbox });

    expect(screen.textContent()).not.toContain(LIVE_DOC_NOTICE);
    expect(buttonLabels(screen)).toEqual(['Submit']);
  });
});
