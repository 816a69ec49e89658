/**
 * What the byline dialog tests share: the app over the seeded site, the dialog opened on a page
 * as one person, the workflows the journeys use, and reading the screen the way a person does.
 */
import { type ForgeDoc, clickEvent, contentPropertyUpdateOf, handlerProp, isRecord } from '../../../sandbox/ui-host';
import { BYLINE_PROPERTY_KEY } from '../../../src/shared/byline';
import { type BylineResults } from '../../../src/shared/contract/byline';
import { type TestApp, type WorkflowDraft, ok } from '../../integration/support/app';
import { type Screen, renderModule } from '../support/render';

export const RELEASE_PROCESS = '10020'; // ENG, version 4: Alice and Bob edit, Grace views, Frank administers

export const user = (accountId: string) => ({ type: 'user' as const, accountId });

/** One step, Bob decides alone. */
export function quickReview(): WorkflowDraft {
  return { name: 'Quick review', description: 'One look from Bob', steps: [{ id: 'review', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' } }] };
}

/** Two steps: Bob reviews, then Ivan signs off. */
export function reviewThenSignOff(): WorkflowDraft {
  return {
    name: 'Two-step review',
    steps: [
      { id: 'review', name: 'Review', approvers: [user('u-bob')], rule: { kind: 'any' } },
      { id: 'sign-off', name: 'Sign-off', approvers: [user('u-ivan')], rule: { kind: 'any' } },
    ],
  };
}

/** `locale` is the viewer's as UI Kit reports it; the sandbox's own is en-US. */
export function openDialog(app: TestApp, accountId: string, pageId = RELEASE_PROCESS, locale?: string): Promise<Screen> {
  return renderModule({ entry: 'src/frontend/byline.tsx', moduleKey: 'approval-byline', accountId, context: app.pageContext(pageId), sandbox: app.sandbox, ...(locale === undefined ? {} : { locale }) });
}

/** Alice submits the page behind the dialog's back, as if from another browser. */
export async function submittedByAlice(app: TestApp, pageId = RELEASE_PROCESS, workflowId?: string): Promise<BylineResults['submit']> {
  return ok(await app.as('u-alice').byline('submit', pageId, workflowId === undefined ? {} : { workflowId }));
}

/** The page's status lozenge (the bold one at the top). */
export function statusLozenge(screen: Screen): { text: string; appearance: unknown } {
  const bold = screen.queryAllByType('Lozenge').filter((node) => node.props.isBold === true);
  if (bold.length !== 1) throw new Error(`expected one status lozenge, found ${bold.length}`);
  return { text: screen.textContent(bold[0]), appearance: bold[0].props.appearance };
}

/** The history's own buttons: they show and hide entries and are no action on the page. */
export const HISTORY_TOGGLE = /^(Show history \(\d+\+?\)|Hide history)$/;

/** Every button on screen but the history's toggle, by its label: what the person may do. */
export function buttonLabels(screen: Screen): string[] {
  return [...screen.queryAllByType('Button'), ...screen.queryAllByType('LoadingButton')]
    .map((button) => screen.textContent(button))
    .filter((label) => !HISTORY_TOGGLE.test(label))
    .sort();
}

/** The history lines after pressing "Show history (N)", as a person must before reading them. */
export async function shownHistory(screen: Screen): Promise<string[]> {
  const toggle = screen.queryAllByType('Button').find((node) => /^Show history \(/.test(screen.textContent(node)));
  if (toggle !== undefined) await screen.click(toggle);
  return historyLines(screen);
}

export function button(screen: Screen, label: string): ForgeDoc {
  const found = [...screen.queryAllByType('Button'), ...screen.queryAllByType('LoadingButton')].filter((node) => screen.textContent(node) === label);
  if (found.length !== 1) throw new Error(`expected one "${label}" button, found ${found.length}: ${buttonLabels(screen).join(', ')}`);
  return found[0];
}

/** The history lines (summaries), newest first. */
export function historyLines(screen: Screen): string[] {
  const heading = screen.getByText('History');
  const section = screen.queryAllByType('Stack').find((stack) => stack.children.includes(heading));
  if (section === undefined) throw new Error('no history section');
  return screen
    .within(section)
    .queryAllByType('Text')
    .filter((text) => text.props.color === undefined && text.props.as === undefined && text.props.weight === undefined)
    .map((text) => screen.textContent(text));
}

export function functionCalls(screen: Screen, functionKey: string): unknown[] {
  return screen.invocations.filter((call) => call.functionKey === functionKey).map((call) => call.payload);
}

/**
 * Presses a button without waiting for its call to finish, as a person's second click does;
 * answers the handler's promise so the test can await it afterwards.
 */
export function pressWithoutWaiting(node: ForgeDoc): Promise<unknown> {
  const onClick = handlerProp(node, 'onClick');
  if (onClick === undefined) throw new Error(`<${node.type}> has no onClick`);
  return Promise.resolve(onClick(clickEvent(node)));
}

/** Polls the rendered tree without settling it (settling would wait for the call in flight). */
export async function whileInFlight(check: () => boolean, timeoutMs = 2000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('the condition never held while the call was in flight');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * The byline values the dialog announced to Confluence through the `useContentProperty` setter
 * (the event Confluence redraws the byline on), oldest first.
 */
export function bylineAnnouncements(screen: Screen): unknown[] {
  return screen.emitted.flatMap((event) => {
    const update = contentPropertyUpdateOf(event);
    return update !== null && update.propertyKey === BYLINE_PROPERTY_KEY ? [update.valueUpdate] : [];
  });
}

/** The titles the dialog announced, for tests that only care what the lozenge reads. */
export function announcedTitles(screen: Screen): unknown[] {
  return bylineAnnouncements(screen).map((value) => (isRecord(value) ? value.title : value));
}
