/**
 * Driving the space settings page (module `approval-settings`) in ENG as one person: opening
 * it, switching tabs, picking people in a UserPicker, and finding a table row or a form section.
 */
import { type ForgeDoc, findByText } from '../../../sandbox/ui-host';
import { type TestApp } from '../../integration/support/app';
import { type Screen, renderModule } from '../support/render';

export const ENG_SETTINGS = { space: { id: '1001', key: 'ENG' } };

/** `locale` is the viewer's as UI Kit reports it; the sandbox's own is en-US. */
export function openSettings(app: TestApp, accountId: string, locale?: string): Promise<Screen> {
  return renderModule({ entry: 'src/frontend/settings.tsx', moduleKey: 'approval-settings', accountId, context: ENG_SETTINGS, sandbox: app.sandbox, ...(locale === undefined ? {} : { locale }) });
}

/** Clicks a tab: ADS Tabs reports the selected index through `onChange`. */
export async function chooseTab(screen: Screen, name: string): Promise<void> {
  const names = screen.getAllByType('Tab').map((tab) => screen.textContent(tab));
  const index = names.indexOf(name);
  if (index < 0) throw new Error(`No tab "${name}"; tabs: ${names.join(', ')}`);
  await screen.fire(screen.getByType('Tabs'), 'onChange', index);
}

/** Picks people in a multi UserPicker, which answers the users it holds (as UI Kit's picker does). */
export async function pickPeople(screen: Screen, picker: ForgeDoc, accountIds: string[]): Promise<void> {
  if (picker.type !== 'UserPicker') throw new Error(`Expected a UserPicker, got <${picker.type}>`);
  await screen.fire(picker, 'onChange', accountIds.map((id) => ({ id, type: 'user', name: id, email: `${id}@example.com`, avatarUrl: '' })));
}

/** The table row whose first cell (a workflow's name, a page's title) is `name`, badges after it aside. */
export function rowWith(screen: Screen, name: string): ForgeDoc {
  const rows = screen.getAllByType('Row').filter((row) => {
    const first = row.children.find((child) => child.type === 'Cell');
    return first !== undefined && findByText(first, name).length > 0;
  });
  if (rows.length !== 1) throw new Error(`${rows.length} rows named "${name}"`);
  return rows[0];
}

export function formSection(screen: Screen, title: string): ForgeDoc {
  const found = screen.getAllByType('FormSection').filter((section) => section.props.title === title);
  if (found.length !== 1) throw new Error(`${found.length} form sections titled "${title}"`);
  return found[0];
}
