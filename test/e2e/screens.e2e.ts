/**
 * The screen check: every screen of every module, in the states that matter (empty, full, with
 * errors, with long names, 50 rows), at the room Confluence gives the module (a 400 px byline
 * popup, a space settings column of 760 and 1,000 px, space and global pages on a laptop and a
 * desktop screen). A screen fails when a table cell's content spills over, a word is broken
 * across lines, a button's label wraps, text is cut by an ellipsis, or content is cut off without
 * a scrollbar (support/layout-check.ts).
 */
import { type Locator, type Page } from 'playwright-core';
import { type WorkflowDetailView, type WorkflowListView } from '../../src/shared/contract';
import { saveDocImage, saveScreenshot } from './support/artifacts';
import { describeInBrowser } from './support/chromium';
import { setupE2E } from './support/e2e';
import { invokeAs } from './support/invoke';
import { type LayoutProblemKind, expectCleanLayout, layoutProblems } from './support/layout-check';
import { moduleProblems, openBylineDialog } from './support/modules';
import { type E2EServer } from './support/sandbox-server';
import { UI_TIMEOUT_MS, openShell, pageView } from './support/shell';
import { ENG, MODULES, PAGES, PEOPLE, decide, releaseWorkflowInput, submit } from './journeys/seed';
import { SPACE_PATHS, openAppPageAs, openPageAs } from './journeys/ui';

/** Long, real names: a DACH customer's compliance pages and a workflow named as admins do. */
const LONG = {
  workflow: 'Quarterly Information Security and Data Protection Review (Platform Engineering)',
  reviewStep: 'Informationssicherheitsbeauftragter',
  signOffStep: 'Datenschutz-Folgenabschätzung und Freigabe durch die Rechtsabteilung',
  pageTitle: 'Auftragsverarbeitungsvereinbarung und Informationssicherheitsrichtlinie für Zulieferer – Release 2026.4',
  comment: 'Please add the subprocessor list (Anhang 3) and the retention schedule before this goes to the Datenschutzbeauftragte.',
} as const;

/** ENG's seeded blog post by Alice (docs/sandbox.md). */
const BLOG_POST = { id: '10070' } as const;

/** The editor's section of step `number` (1-based): the box under its heading. */
function stepSection(region: Locator, number: number): Locator {
  return region.getByRole('heading', { name: `Step ${number}`, exact: true }).locator('xpath=..');
}

/** Page modules as wide as a space settings column gets (about 760–1,000 px). */
const SETTINGS_WIDTHS = [760, 1000] as const;
/** Space and global pages fill the content area: a laptop and a desktop screen. */
const PAGE_VIEWPORTS = [1024, 1440] as const;
const VIEWPORT_HEIGHT = 900;

/** Resizes the window until `target` is `width` px wide (the shell's sidebars take the rest). */
async function fitWidth(page: Page, target: Locator, width: number): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const box = await target.boundingBox();
    if (box === null) throw new Error('The module is not on screen');
    const missing = width - Math.round(box.width);
    if (missing === 0) return;
    const viewport = page.viewportSize() ?? { width: 1400, height: VIEWPORT_HEIGHT };
    await page.setViewportSize({ width: viewport.width + missing, height: VIEWPORT_HEIGHT });
  }
  const box = await target.boundingBox();
  throw new Error(`The module is ${box?.width ?? '?'} px wide, not ${width} px: the shell caps it narrower`);
}

/** A copy of Hotfix Procedure under `parentId` (Release Process), as Alice, titled `title`; resolves with its id. */
async function addPage(server: E2EServer, title: string, parentId: string = PAGES.releaseProcess.id): Promise<string> {
  const copy = await server.wiki<{ id: string }>(PEOPLE.alice.accountId, 'POST', `/wiki/rest/api/content/${PAGES.hotfixProcedure.id}/copy`, {
    destination: { type: 'parent_page', value: parentId },
    pageTitle: title,
  });
  if (copy.status !== 200) throw new Error(`Copying a page as "${title}" answered ${copy.status}: ${JSON.stringify(copy.body)}`);
  return copy.body.id;
}

/** Every kind of action on entering Approved, with the longest texts admins write (the most a state takes is 10). */
const LONG_ACTIONS = {
  approved: [
    { type: 'removeRestrictions' },
    {
      type: 'addRestrictions',
      operation: 'update',
      principals: [
        { type: 'user', accountId: PEOPLE.bob.accountId },
        { type: 'group', groupId: 'g-legal', name: 'legal' },
        { type: 'variable', variable: '@owners' },
        { type: 'variable', variable: '@reviewers' },
      ],
    },
    { type: 'labels', add: ['freigegeben-informationssicherheit', 'datenschutz-folgenabschaetzung-2026'], remove: ['entwurf', 'in-pruefung'] },
    { type: 'title', mode: 'regex', pattern: '^(ENTWURF|Entwurf|Draft):\\s*', value: 'Freigegeben: ' },
    { type: 'setOfficialVersion' },
    { type: 'notify', recipients: [{ type: 'variable', variable: '@author' }, { type: 'group', groupId: 'g-legal', name: 'legal' }], message: LONG.comment },
    { type: 'publish', target: { type: 'space', spaceKey: 'PUB', parentPageId: '30010' }, includeDescendants: true, includeAttachments: true, includeLabels: true, updateExisting: true },
  ],
} as const;

/** Frank creates the long-named two-step workflow (with `actions`, if given) and makes it the ENG default; resolves with its id. */
async function seedLongWorkflow(server: E2EServer, actions?: typeof LONG_ACTIONS): Promise<string> {
  const input = releaseWorkflowInput();
  const steps = input.steps as Record<string, unknown>[];
  const workflow = {
    ...input,
    name: LONG.workflow,
    steps: [{ ...steps[0], name: LONG.reviewStep }, { ...steps[1], name: LONG.signOffStep }],
    ...(actions === undefined ? {} : { actions }),
  };
  const context = { space: ENG };
  const created = await invokeAs<WorkflowDetailView>(server, PEOPLE.frank.accountId, MODULES.settings, 'createWorkflow', { workflow }, context);
  await invokeAs<WorkflowListView>(server, PEOPLE.frank.accountId, MODULES.settings, 'setDefaultWorkflow', { workflowId: created.workflow.id }, context);
  return created.workflow.id;
}

/** The long-titled page, submitted, rejected with a long comment, edited, resubmitted, approved at step 1. */
async function seedLongHistory(server: E2EServer): Promise<string> {
  const pageId = await addPage(server, LONG.pageTitle);
  await submit(server, PEOPLE.alice.accountId, pageId, 'Ready for the quarterly review.');
  await decide(server, PEOPLE.bob.accountId, pageId, 'reject', LONG.comment);
  await fetch(`${server.url}/__sandbox/pages/${pageId}/edit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId: PEOPLE.alice.accountId, body: '<p>Anhang 3 added.</p>' }),
  });
  await server.drain();
  await submit(server, PEOPLE.alice.accountId, pageId, 'Subprocessor list and retention schedule added.');
  await decide(server, PEOPLE.bob.accountId, pageId, 'approve', 'Looks complete now.');
  await server.drain();
  return pageId;
}

/**
 * Opens the byline dialog and, once the page's approval has loaded, shows everything it has
 * (a collapsed history too), so the check sees the dialog at its longest.
 */
async function openFullDialog(page: Page): Promise<Locator> {
  const dialog = await openBylineDialog(page, MODULES.byline);
  await dialog.getByRole('heading').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const showHistory = dialog.getByRole('button', { name: /^Show history/ });
  if ((await showHistory.count()) > 0) await showHistory.click();
  return dialog;
}

async function checkModule(page: Page, screen: string, moduleKey: string, region: Locator): Promise<void> {
  expect(await moduleProblems(page, moduleKey).count()).toBe(0);
  await saveScreenshot(page, `screen-${screen.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${page.viewportSize()?.width ?? 0}`);
  await expectCleanLayout(page, screen, region);
}

/**
 * One small page per defect the check must catch, each drawn in a 400 px box as a module would
 * be: a check that passes these would pass a broken screen.
 */
const DEFECTS: readonly { kind: LayoutProblemKind; html: string }[] = [
  { kind: 'cell-overflow', html: '<table style="table-layout: fixed; width: 200px"><tr><td style="width: 100px"><div style="width: 300px">Wide</div></td><td>B</td></tr></table>' },
  { kind: 'split-word', html: '<div style="width: 70px; word-break: break-all">Page Folder</div>' },
  { kind: 'wrapped-button', html: '<button type="button" style="width: 70px">Approve selected</button>' },
  { kind: 'truncated-text', html: '<span style="display: inline-block; max-width: 40px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap">In Approval</span>' },
  { kind: 'hidden-content', html: `<div style="height: 40px; overflow: hidden">${'A line of the history.<br>'.repeat(6)}</div>` },
  { kind: 'wider-than-module', html: '<div style="width: 900px">A table too wide for its column</div>' },
];

/** The same things laid out well: the check must not cry wolf either. */
const CLEAN = [
  '<table style="table-layout: fixed; width: 200px"><tr><td style="width: 100px"><div>Wide</div></td><td>B</td></tr></table>',
  '<div style="width: 70px">Page Folder</div>',
  '<button type="button" style="white-space: nowrap">Approve selected</button>',
  '<span style="display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap">In Approval</span>',
  `<div style="height: 40px; overflow: auto">${'A line of the history.<br>'.repeat(6)}</div>`,
  '<div style="width: 380px">A table that fits its column</div>',
  '<button type="button" style="width: 120px; text-align: start">A long page title that opens the page</button>',
].join('');

async function fixture(page: Page, html: string): Promise<Locator> {
  await page.setContent(`<body style="margin: 0; font: 14px sans-serif"><div id="module" style="width: 400px">${html}</div></body>`);
  return page.locator('#module');
}

describeInBrowser('every screen at the widths Confluence gives it', () => {
  const e2e = setupE2E();
  beforeEach(() => e2e.page.setViewportSize({ width: 1280, height: VIEWPORT_HEIGHT }));

  describe('the screen check itself', () => {
    it.each(DEFECTS)('flags $kind', async ({ kind, html }) => {
      const problems = await layoutProblems(await fixture(e2e.page, html));
      expect(problems.map((problem) => problem.kind)).toContain(kind);
    });

    it('passes the same things laid out well', async () => {
      expect(await layoutProblems(await fixture(e2e.page, CLEAN))).toEqual([]);
    });
  });

  describe('byline dialog (400 px popup)', () => {
    it('a page no workflow applies to', async () => {
      await openPageAs(e2e, PAGES.releaseProcess.id, PEOPLE.alice.accountId);
      const dialog = await openFullDialog(e2e.page);
      expect(Math.round((await dialog.boundingBox())?.width ?? 0)).toBe(400);
      await checkModule(e2e.page, 'byline, no workflow', MODULES.byline, dialog);
    });

    it('an approver on a long-titled page with a long history and long step names', async () => {
      await seedLongWorkflow(e2e.server);
      const pageId = await seedLongHistory(e2e.server);
      await openPageAs(e2e, pageId, PEOPLE.dana.accountId);
      const dialog = await openFullDialog(e2e.page);
      await dialog.getByRole('button', { name: 'Approve' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'byline, approver, long names', MODULES.byline, dialog);
    });

    it('the first screen of a 400×320 popup: the status, the decision, and a sign that more follows', async () => {
      await seedLongWorkflow(e2e.server);
      const pageId = await seedLongHistory(e2e.server);
      await openPageAs(e2e, pageId, PEOPLE.dana.accountId);
      const dialog = await openBylineDialog(e2e.page, MODULES.byline);
      await dialog.getByRole('button', { name: 'Approve' }).waitFor({ timeout: UI_TIMEOUT_MS });
      // The byline item's tooltip (shown while the item has the pointer or the focus) would cover the popup's top.
      await e2e.page.mouse.move(0, VIEWPORT_HEIGHT - 1);
      await e2e.page.evaluate(() => {
        if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      });
      await dialog.getByRole('button', { name: 'Approve' }).hover();
      const box = await dialog.boundingBox();
      expect(box === null ? null : { width: Math.round(box.width), height: Math.round(box.height) }).toEqual({ width: 400, height: 320 });
      await saveDocImage(e2e.page, 'byline-first-screen', [dialog], 0);
      // Headless Chromium draws overlay scrollbars as macOS does: the dialog itself must say there is more.
      const inView = async (target: Locator): Promise<boolean> => {
        const part = await target.boundingBox();
        return part !== null && box !== null && part.y >= box.y && part.y + part.height <= box.y + box.height;
      };
      expect(await inView(dialog.getByRole('button', { name: 'Approve' }))).toBe(true);
      expect(await inView(dialog.getByText(/^More below:/))).toBe(true);
    });

    it('a space admin overriding with neither a status nor a reason sees both problems', async () => {
      await seedLongWorkflow(e2e.server);
      const pageId = await addPage(e2e.server, LONG.pageTitle);
      await submit(e2e.server, PEOPLE.alice.accountId, pageId);
      await openPageAs(e2e, pageId, PEOPLE.frank.accountId);
      const dialog = await openFullDialog(e2e.page);
      await dialog.getByRole('button', { name: 'Override status' }).click();
      await dialog.getByRole('button', { name: 'Override', exact: true }).click();
      await dialog.getByText('Choose the status to set').waitFor({ timeout: UI_TIMEOUT_MS });
      await dialog.getByText(/reason for the override is required/).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'byline, override errors', MODULES.byline, dialog);
    });

    it('an author about to submit a blog post', async () => {
      await seedLongWorkflow(e2e.server);
      await openShell(e2e.page, e2e.server, `/spaces/ENG/blog/${BLOG_POST.id}`, { as: PEOPLE.alice.accountId });
      await pageView(e2e.page, BLOG_POST.id);
      const dialog = await openFullDialog(e2e.page);
      await dialog.getByRole('heading', { name: /^Submit version \d+ for approval$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'byline, blog post', MODULES.byline, dialog);
    });

    it('a rejection without a comment shows its error', async () => {
      await seedLongWorkflow(e2e.server);
      const pageId = await addPage(e2e.server, LONG.pageTitle);
      await submit(e2e.server, PEOPLE.alice.accountId, pageId);
      await openPageAs(e2e, pageId, PEOPLE.bob.accountId);
      const dialog = await openFullDialog(e2e.page);
      await dialog.getByRole('button', { name: 'Reject' }).click();
      await dialog.getByText(/A comment explaining the rejection/).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'byline, rejection error', MODULES.byline, dialog);
    });
  });

  describe('space settings (760 and 1,000 px)', () => {
    async function openSettings(width: number): Promise<Locator> {
      const region = await openAppPageAs(e2e, SPACE_PATHS.settings, MODULES.settings, PEOPLE.frank.accountId);
      await fitWidth(e2e.page, region, width);
      return region;
    }

    it.each(SETTINGS_WIDTHS)('no workflows yet, at %i px', async (width) => {
      const region = await openSettings(width);
      await region.getByText('No workflows yet').waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, empty', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the editor refusing an empty workflow, at %i px', async (width) => {
      const region = await openSettings(width);
      await region.getByRole('button', { name: 'Create workflow' }).click();
      await region.getByRole('heading', { name: 'New workflow' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await region.getByRole('button', { name: 'Create workflow' }).click();
      await region.getByText(/^Fix \d+ problems? to save this workflow/).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, editor errors', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the editor showing a problem on every field it checks, at %i px', async (width) => {
      const region = await openSettings(width);
      await region.getByRole('button', { name: 'Create workflow' }).click();
      await region.getByRole('heading', { name: 'New workflow' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await region.getByRole('button', { name: 'Add step' }).click();
      const second = stepSection(region, 2);
      await second.getByRole('radio', { name: 'At least a number of approvals' }).check();
      await second.getByRole('spinbutton', { name: 'Number of approvals' }).fill('0');
      await region.getByRole('button', { name: 'Create workflow' }).click();
      await region.getByText(/^Fix \d+ problems to save this workflow/).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, editor every error', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the details of a long-named workflow, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      const region = await openSettings(width);
      await region.getByRole('row').filter({ hasText: LONG.workflow }).getByRole('button', { name: 'View' }).click();
      await region.getByRole('heading', { name: 'Steps' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await region.getByText(LONG.signOffStep).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, workflow details', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the editor of a long-named workflow with every kind of action, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server, LONG_ACTIONS);
      const region = await openSettings(width);
      await region.getByRole('row').filter({ hasText: LONG.workflow }).getByRole('button', { name: 'Edit' }).click();
      const approved = region.getByRole('heading', { name: 'On entering Approved', exact: true }).locator('xpath=..');
      await approved.getByRole('heading', { name: '7. Publish page' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await approved.scrollIntoViewIfNeeded();
      await checkModule(e2e.page, 'settings, editor actions', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the details of a workflow with every kind of action, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server, LONG_ACTIONS);
      const region = await openSettings(width);
      await region.getByRole('row').filter({ hasText: LONG.workflow }).getByRole('button', { name: 'View' }).click();
      await region.getByText('On entering Approved').waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, workflow details actions', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('twenty space variables with the longest names, at %i px', async (width) => {
      // The most a space may have, each name as long as allowed: the table must neither clip nor split them.
      for (let n = 1; n <= 20; n += 1) {
        const name = `quarterlyComplianceReviewPublishTarget${String(n).padStart(2, '0')}`;
        const variable = { name, spaceKey: 'PUB', ...(n % 2 === 0 ? { parentPageId: '30010' } : {}) };
        await invokeAs(e2e.server, PEOPLE.frank.accountId, MODULES.settings, 'saveSpaceVariable', { variable }, { space: ENG });
      }
      const region = await openSettings(width);
      await region.getByText('quarterlyComplianceReviewPublishTarget20').waitFor({ timeout: UI_TIMEOUT_MS });
      await region.getByRole('heading', { name: 'Space variables' }).scrollIntoViewIfNeeded();
      await checkModule(e2e.page, 'settings, space variables', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('workflows with long names, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      const region = await openSettings(width);
      await region.getByText(LONG.workflow).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, workflows', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('manage space with a long page title, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      await addPage(e2e.server, LONG.pageTitle);
      const region = await openSettings(width);
      await region.getByRole('tab', { name: 'Manage space' }).click();
      await region.getByRole('heading', { name: 'Manage space' }).waitFor({ timeout: UI_TIMEOUT_MS });
      // Open the tree down to the long-titled page, as an admin looking for it would.
      await region.getByRole('button', { name: 'Engineering Home' }).click();
      await region.getByRole('button', { name: PAGES.releaseProcess.title }).click();
      await region.getByText(LONG.pageTitle).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, manage space', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('manage space five levels deep, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      const levels = [LONG.pageTitle, 'Lieferantenbewertung: Informationssicherheitsnachweis', 'Anhang 3 – Unterauftragsverarbeiter', 'Löschkonzept und Aufbewahrungsfristen'];
      let parent: string = PAGES.releaseProcess.id;
      for (const title of levels) parent = await addPage(e2e.server, title, parent);
      const region = await openSettings(width);
      await region.getByRole('tab', { name: 'Manage space' }).click();
      await region.getByRole('heading', { name: 'Manage space' }).waitFor({ timeout: UI_TIMEOUT_MS });
      for (const title of ['Engineering Home', PAGES.releaseProcess.title, ...levels.slice(0, -1)]) {
        await region.getByRole('button', { name: title }).click();
      }
      await region.getByText(levels[levels.length - 1]).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, manage space 5 levels', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the audit trail before anything happened, at %i px', async (width) => {
      const region = await openSettings(width);
      await region.getByRole('tab', { name: 'Audit' }).click();
      await region.getByText('No audit entries yet').waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, audit empty', MODULES.settings, region);
    });

    it.each(SETTINGS_WIDTHS)('the audit trail of a long history, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      await seedLongHistory(e2e.server);
      const region = await openSettings(width);
      await region.getByRole('tab', { name: 'Audit' }).click();
      await region.getByRole('table', { name: 'Audit entries' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'settings, audit', MODULES.settings, region);
    });
  });

  describe('approval queue (space page)', () => {
    it.each(PAGE_VIEWPORTS)('nothing waiting, at %i px', async (width) => {
      await e2e.page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      const region = await openAppPageAs(e2e, SPACE_PATHS.queue, MODULES.queue, PEOPLE.bob.accountId);
      await region.getByText('Nothing waiting for you').waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'queue, empty', MODULES.queue, region);
    });

    it.each(PAGE_VIEWPORTS)('50 requests with long names, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      for (let index = 1; index <= 50; index += 1) {
        const pageId = await addPage(e2e.server, index === 50 ? LONG.pageTitle : `Lieferantenbewertung ${String(index).padStart(2, '0')}: Informationssicherheitsnachweis`);
        await submit(e2e.server, PEOPLE.alice.accountId, pageId);
      }
      await e2e.server.drain();
      await e2e.page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      const region = await openAppPageAs(e2e, SPACE_PATHS.queue, MODULES.queue, PEOPLE.bob.accountId);
      await region.getByRole('table', { name: 'Approval requests' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await region.getByText(/Lieferantenbewertung \d\d/).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'queue, 50 requests', MODULES.queue, region);
    });
  });

  describe('approval queue, bulk rejection (space page)', () => {
    it.each(PAGE_VIEWPORTS)('the reject dialog refusing a blank comment, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      for (const title of [LONG.pageTitle, 'Lieferantenbewertung: Informationssicherheitsnachweis']) {
        await submit(e2e.server, PEOPLE.alice.accountId, await addPage(e2e.server, title));
      }
      await e2e.server.drain();
      await e2e.page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      const region = await openAppPageAs(e2e, SPACE_PATHS.queue, MODULES.queue, PEOPLE.bob.accountId);
      await region.getByRole('checkbox', { name: 'Select all' }).check();
      await region.getByRole('button', { name: 'Reject selected' }).click();
      const modal = e2e.page.getByRole('dialog');
      // An empty field never leaves the browser (it is `required`); blanks do, and come back refused.
      await modal.getByRole('textbox', { name: 'Comment' }).fill('   ');
      await modal.getByRole('button', { name: 'Reject', exact: true }).click();
      await modal.getByText(/A comment explaining the rejection is required/).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'queue, reject dialog', MODULES.queue, modal);
    });
  });

  describe('approval queue, decided (space page)', () => {
    it.each(PAGE_VIEWPORTS)('rejected requests with long names, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      for (const title of [LONG.pageTitle, 'Lieferantenbewertung: Informationssicherheitsnachweis']) {
        const pageId = await addPage(e2e.server, title);
        await submit(e2e.server, PEOPLE.alice.accountId, pageId);
        await decide(e2e.server, PEOPLE.bob.accountId, pageId, 'reject', LONG.comment);
      }
      await e2e.server.drain();
      await e2e.page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      const region = await openAppPageAs(e2e, SPACE_PATHS.queue, MODULES.queue, PEOPLE.bob.accountId);
      await region.getByRole('tab', { name: 'Rejected' }).click();
      await region.getByText(LONG.pageTitle).waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'queue, rejected', MODULES.queue, region);
    });
  });

  describe('approval analytics (global page)', () => {
    it.each(PAGE_VIEWPORTS)('no activity yet, at %i px', async (width) => {
      await e2e.page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      const region = await openAppPageAs(e2e, SPACE_PATHS.analytics, MODULES.analytics, PEOPLE.frank.accountId);
      await region.getByText('No approval activity in this range').waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'analytics, empty', MODULES.analytics, region);
    });

    it.each(PAGE_VIEWPORTS)('decisions of a long-named workflow, at %i px', async (width) => {
      await seedLongWorkflow(e2e.server);
      await seedLongHistory(e2e.server);
      await e2e.page.setViewportSize({ width, height: VIEWPORT_HEIGHT });
      const region = await openAppPageAs(e2e, SPACE_PATHS.analytics, MODULES.analytics, PEOPLE.frank.accountId);
      await region.getByRole('heading', { name: 'Approval analytics' }).waitFor({ timeout: UI_TIMEOUT_MS });
      await region.getByText(LONG.workflow).first().waitFor({ timeout: UI_TIMEOUT_MS });
      await checkModule(e2e.page, 'analytics', MODULES.analytics, region);
    });
  });
});
