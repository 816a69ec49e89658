/**
 * A space's sealed audit trail for compliance, oldest first, page by page: each entry with what
 * its hash covers and each page checked against the chain (docs/audit.md). Space admins only.
 * The settings audit tab and the REST API export through this one module, so both show the same
 * entries and withhold the same ones.
 */
import { isSpaceAdmin } from '../auth/space-admin';
import { asUser } from '../confluence/http';
import { getPeople } from '../confluence/people';
import { getSpace } from '../confluence/spaces';
import { getVisiblePages, type PageTitle } from '../confluence/visible-pages';
import { type AuditExportEntryView, type AuditExportView, type ChainHeadView, RESTRICTED_PAGE } from '../shared/contract/audit';
import { AppError } from '../shared/errors';
import { type AuditEntry } from '../storage/audit';
import { type ChainHead, exportSealedEntries, hashedEntryOf, isExportCursor } from '../storage/audit-chain';
import { type NameMap } from '../storage/display-names';
import { NONE } from '../storage/entities';
import { historyView, peopleIn, stepNamesFor } from './page-history';

async function namesOf(accountIds: string[]): Promise<NameMap> {
  if (accountIds.length === 0) return {};
  const people = await getPeople(accountIds);
  return Object.fromEntries([...people.values()].map((person) => [person.accountId, person.displayName]));
}

/** Refuses anyone but a space admin; someone who cannot see the space is answered as if it did not exist. */
export async function requireAuditReader(spaceId: string, accountId: string): Promise<void> {
  if (await isSpaceAdmin(spaceId, accountId)) return;
  await getSpace(asUser(), spaceId);
  throw new AppError('FORBIDDEN', 'Only space admins can see the audit trail of this space.');
}

export const headView = (head: ChainHead): ChainHeadView => ({ ...head, at: new Date().toISOString() });

/**
 * The pages of these entries the exporting admin can view, asked as the admin: Confluence leaves
 * out what a view restriction hides from them, as it would in their browser. Space admins may
 * not view every page of their space, and the trail must not show them what Confluence would not.
 */
async function visiblePagesOf(entries: readonly AuditEntry[]): Promise<Map<string, PageTitle>> {
  const pageIds = [...new Set(entries.map((entry) => entry.row.pageId).filter((pageId) => pageId !== NONE))];
  return pageIds.length === 0 ? new Map() : getVisiblePages(asUser(), pageIds);
}

/** An entry on a page the admin cannot view: its place, hashes, type, time and actor, nothing its body says. */
function restrictedView(entry: AuditEntry, names: NameMap): AuditExportEntryView {
  const { key, row } = entry;
  return {
    id: key,
    at: row.at,
    type: row.type,
    actor: row.actorId === NONE ? null : { accountId: row.actorId, displayName: names[row.actorId] ?? row.actorId },
    pageId: row.pageId,
    pageVersion: null,
    requestId: null,
    summary: `Details withheld: ${RESTRICTED_PAGE}`,
    seq: row.seq,
    hash: row.hash,
    hashed: hashedEntryOf(entry),
    restricted: true,
  };
}

/** A cursor the export never handed out is the caller's mistake whatever their role: refused before any call. */
export function requireExportCursor(cursor: string | undefined): void {
  if (cursor !== undefined && !isExportCursor(cursor)) {
    throw new AppError('VALIDATION', 'This export position is not valid. Start the export again from the beginning.');
  }
}

/** One page of the export after `cursor` (the caller has passed `requireAuditReader`); `limit` entries at most. */
export async function auditExportPage(spaceId: string, cursor: string | undefined, limit?: number): Promise<AuditExportView> {
  requireExportCursor(cursor);
  const page = await exportSealedEntries(spaceId, cursor, limit);
  const visible = await visiblePagesOf(page.entries);
  const isRestricted = ({ row }: AuditEntry) => row.pageId !== NONE && !visible.has(row.pageId);
  const shown = page.entries.filter((entry) => !isRestricted(entry));
  const restrictedActors = page.entries.filter(isRestricted).map((entry) => entry.row.actorId);
  const [names, steps] = await Promise.all([namesOf([...peopleIn(shown), ...restrictedActors.filter((id) => id !== NONE)]), stepNamesFor(shown, {})]);
  // The history view lists newest first; an export keeps the chain's order.
  const views = new Map(historyView({ rows: shown }, names, steps).entries.map((view) => [view.id, view]));
  const entries = page.entries.flatMap((entry): AuditExportEntryView[] => {
    if (isRestricted(entry)) return [restrictedView(entry, names)];
    const view = views.get(entry.key);
    const title = visible.get(entry.row.pageId)?.title;
    return view === undefined
      ? []
      : [{ ...view, seq: entry.row.seq, hash: entry.row.hash, hashed: hashedEntryOf(entry), body: entry.row.body, ...(title === undefined ? {} : { pageTitle: title }), restricted: false }];
  });
  return {
    entries,
    ...(page.cursor === undefined ? {} : { cursor: page.cursor }),
    chainVerified: page.chainVerified,
    head: headView(page.head),
    restrictedEntries: entries.filter((entry) => entry.restricted).length,
  };
}
