/**
 * `settingsContract.exportAudit`: a space's sealed audit trail for compliance, oldest first,
 * page by page, each entry with its seq and hash and each page checked against the chain.
 * Space admins only. Registered by the settings resolver.
 */
import { isSpaceAdmin } from '../auth/space-admin';
import { historyView, peopleIn, stepNamesFor } from '../commands/page-history';
import { getPeople } from '../confluence/people';
import { type SettingsResults, settingsContract } from '../shared/contract/settings';
import { AppError } from '../shared/errors';
import { exportSealedEntries, isExportCursor } from '../storage/audit-chain';
import { type NameMap } from '../storage/display-names';
import { resolverSpec } from './define';

async function namesOf(accountIds: string[]): Promise<NameMap> {
  if (accountIds.length === 0) return {};
  const people = await getPeople(accountIds);
  return Object.fromEntries([...people.values()].map((person) => [person.accountId, person.displayName]));
}

export const exportAuditSpec = resolverSpec(settingsContract.exportAudit, async ({ cursor }, invocation): Promise<SettingsResults['exportAudit']> => {
  const { spaceId, accountId } = invocation;
  if (spaceId === undefined) throw new AppError('VALIDATION', "Open the audit export from the space's settings.");
  if (cursor !== undefined && !isExportCursor(cursor)) {
    throw new AppError('VALIDATION', 'This export position is not valid. Start the export again from the beginning.');
  }
  if (!(await isSpaceAdmin(spaceId, accountId))) throw new AppError('FORBIDDEN', 'Only space admins can export the audit trail of this space.');
  const page = await exportSealedEntries(spaceId, cursor);
  const [names, steps] = await Promise.all([namesOf(peopleIn(page.entries)), stepNamesFor(page.entries, {})]);
  // The history view lists newest first; an export keeps the chain's order.
  const views = new Map(historyView({ rows: page.entries }, names, steps).entries.map((view) => [view.id, view]));
  return {
    entries: page.entries.flatMap(({ key, row }) => {
      const view = views.get(key);
      return view === undefined ? [] : [{ ...view, seq: row.seq, hash: row.hash }];
    }),
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
    chainVerified: page.chainVerified,
  };
});
