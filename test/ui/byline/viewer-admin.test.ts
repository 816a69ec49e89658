/** The byline dialog for someone who only views the page, and for a space admin. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ok, startApp, type TestApp } from '../../integration/support/app';
import { announcedTitles, buttonLabels, functionCalls, shownHistory, openDialog, quickReview, RELEASE_PROCESS, reviewThenSignOff, statusLozenge, submittedByAlice } from './dialog';

/** The title manifest.yml gives the byline item: what Confluence shows until the app writes the property. */
function bylineItemTitle(): unknown {
  const manifest = parse(readFileSync(join(__dirname, '../../../manifest.yml'), 'utf8')) as { modules: Record<string, { key: string; title?: unknown }[]> };
  return manifest.modules['confluence:contentBylineItem'].find((item) => item.key === 'approval-byline')?.title;
}

describe('the byline dialog, for a viewer', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('shows the status, the request and the history, and no action at all', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const submitted = await submittedByAlice(app);
    ok(await app.as('u-bob').byline('approve', RELEASE_PROCESS, { requestId: submitted.request?.id, stepIndex: 0, comment: 'Ship it' }));
    const screen = await openDialog(app, 'u-grace');

    expect(statusLozenge(screen)).toEqual({ text: 'Approved', appearance: 'success' });
    expect(screen.getByText('Approved v4 · current version').type).toBe('Text');
    expect(screen.getByText('Latest request').type).toBe('Heading');
    expect(await shownHistory(screen)).toEqual([
      'Version 4 was approved',
      'Bob Approver approved step 1 of 1 (Review)',
      'Alice Author submitted version 4 for approval (Quick review)',
    ]);
    expect(buttonLabels(screen)).toEqual([]);
    expect(screen.queryAllByType('TextArea')).toEqual([]);
    expect(screen.queryAllByType('Select')).toEqual([]);
  });

  it('shows a never-submitted page as Draft with an empty history, and leaves its byline reading "Approval"', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const screen = await openDialog(app, 'u-grace');

    expect(statusLozenge(screen)).toEqual({ text: 'Draft', appearance: 'default' });
    expect(screen.getByText('Not submitted for approval').type).toBe('Text');
    expect(screen.getByText('No approval history yet').type).toBe('Text');
    expect(screen.queryByText(/^Show history/)).toBeNull();
    expect(buttonLabels(screen)).toEqual([]);

    // Nothing writes the byline property of a page nobody submitted, so Confluence draws the
    // item's own title from the manifest (docs/byline.md says why that is right).
    await app.drain();
    expect(app.bylineProperty(RELEASE_PROCESS)).toBeUndefined();
    expect(bylineItemTitle()).toBe('Approval');
  });
});

describe('the byline dialog, for a space admin', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('overrides the status with a required reason, and the history keeps the reason', async () => {
    await app.createWorkflow(reviewThenSignOff(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-frank');

    expect(buttonLabels(screen)).toEqual(['Override status', 'Withdraw']);
    await screen.click('Override status');
    // The request is in approval, so that is not a choice.
    expect((screen.getByLabel('New status').props.options as { label: string }[]).map((option) => option.label)).toEqual([
      'Draft',
      'Approved',
      'Changes Requested',
    ]);

    // Neither field filled: both problems at once, each field marked invalid for screen readers too.
    await screen.click('Override');
    expect(screen.getByText('Choose the status to set').type).toBe('ErrorMessage');
    expect(screen.getByText('A reason for the override is required').type).toBe('ErrorMessage');
    expect(screen.getByLabel('New status').props.isInvalid).toBe(true);
    expect(screen.getByLabel('Reason').props).toMatchObject({ isInvalid: true, 'aria-invalid': true });
    await screen.select('New status', 'Approved');
    expect(screen.queryByText('Choose the status to set')).toBeNull();
    await screen.click('Override');
    expect(screen.getByText('A reason for the override is required').type).toBe('ErrorMessage');
    expect(screen.getByLabel('Reason').props.isInvalid).toBe(true);
    expect(functionCalls(screen, 'override')).toEqual([]);
    expect(statusLozenge(screen).text).toBe('In Approval');

    await screen.type('Reason', 'Approved in the release meeting');
    await screen.click('Override');

    expect(statusLozenge(screen)).toEqual({ text: 'Approved', appearance: 'success' });
    expect(screen.getByText(/^Approved by Frank Spaceadmin \(override\) on \d{1,2} \w{3} \d{4}$/).type).toBe('Text');
    expect((await shownHistory(screen))[0]).toBe('Frank Spaceadmin overrode the status of version 4 from In Approval to Approved: Approved in the release meeting');
    expect(screen.queryByLabel('Reason')).toBeNull();
    // The steps the override skipped will never start.
    const [review, signOff] = screen.getAllByType('Box').map((step) => screen.within(step));
    expect(review.getByText('Not completed').type).toBe('Lozenge');
    expect(review.getByText('Bob Approver · No decision').type).toBe('Text');
    expect(signOff.getByText('Not reached').type).toBe('Lozenge');
    expect(signOff.getByText('Ivan Contractor · Not asked').type).toBe('Text');
    // Still an admin of a page with a request: Override stays available for the next correction.
    expect(buttonLabels(screen)).toEqual(['Override status']);
    expect(screen.flags).toEqual([expect.objectContaining({ type: 'success', title: 'Status set to Approved' })]);
    expect(announcedTitles(screen)).toEqual(['Approved v4']);

    await screen.click('Override status');
    expect((screen.getByLabel('New status').props.options as { label: string }[]).map((option) => option.label)).toEqual(['Draft', 'Changes Requested']);
    await screen.click('Cancel');
    expect(screen.queryByLabel('New status')).toBeNull();
  });
});

