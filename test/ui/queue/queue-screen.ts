/**
 * The approval queue as a user works it in tests: open it in a space, switch tabs, read the
 * rows, tick them, and set the filters whose UI Kit components have no typing of their own.
 */
import { type ForgeDoc } from '../../../sandbox/ui-host';
import { MODULES, type TestApp } from '../../integration/support/app';
import { type Screen, renderModule } from '../support/render';

/** `locale` is the viewer's as UI Kit reports it; the sandbox's own is en-US. */
export function openQueue(app: TestApp, accountId: string, locale?: string): Promise<Screen> {
  return renderModule({ entry: 'src/frontend/queue.tsx', moduleKey: MODULES.queue, accountId, context: app.spaceContext('ENG'), sandbox: app.sandbox, ...(locale === undefined ? {} : { locale }) });
}

/** Clicking a tab: ADS Tabs tells the app the index of the tab chosen. */
export async function chooseTab(screen: Screen, label: string): Promise<void> {
  const labels = screen.getAllByType('Tab').map((tab) => screen.textContent(tab));
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`No tab "${label}"; tabs: ${labels.join(', ')}`);
  await screen.fire(screen.getByType('Tabs'), 'onChange', index);
}

/** The table's rows (the head is not a Row). */
export function rows(screen: Screen): ForgeDoc[] {
  return screen.queryAllByType('Row');
}

/** The page titles of the rows, top to bottom. */
export function titles(screen: Screen): string[] {
  return rows(screen).map((row) => screen.textContent(screen.within(row).getByType('Pressable')));
}

export function rowOf(screen: Screen, title: string): ForgeDoc {
  const row = rows(screen).find((candidate) => screen.textContent(screen.within(candidate).getByType('Pressable')) === title);
  if (row === undefined) throw new Error(`No row for "${title}"; rows: ${titles(screen).join(', ')}`);
  return row;
}

/** The text of one cell of a row, by the cell's column key (page, step, due, status…). */
export function cellText(screen: Screen, title: string, column: string): string {
  const cell = screen
    .within(rowOf(screen, title))
    .getAllByType('Cell')
    .find((candidate) => candidate.props.cellKey === column);
  if (cell === undefined) throw new Error(`The row "${title}" has no ${column} cell`);
  return screen.textContent(cell);
}

export async function tick(screen: Screen, title: string): Promise<void> {
  await screen.check(screen.within(rowOf(screen, title)).getByType('Checkbox'));
}

/** Picking someone in a UserPicker: UI Kit hands the app the chosen user. */
export async function pickUser(screen: Screen, label: string, accountId: string, name: string): Promise<void> {
  await screen.fire(screen.getByLabel(label), 'onChange', { id: accountId, name, type: 'user', avatarUrl: '', email: '' });
}

/** Picking a day in a DatePicker: UI Kit hands the app `YYYY-MM-DD` ('' when cleared). */
export async function pickDate(screen: Screen, label: string, day: string): Promise<void> {
  await screen.fire(screen.getByLabel(label), 'onChange', day);
}
