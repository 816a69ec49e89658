/**
 * `settingsContract.exportAudit`: a space's sealed audit trail for compliance, oldest first,
 * page by page, each entry with what its hash covers and each page checked against the chain;
 * `checkPinnedHead`: whether the chain still holds a head kept from an earlier export.
 * Space admins only. Registered by the settings resolver.
 */
import { isSpaceAdmin } from '../auth/space-admin';
import { historyView, peopleIn, stepNamesFor } from '../commands/page-history';
import { asUser } from '../confluence/http';
import { getPeople } from '../confluence/people';
import { getVisiblePages, type PageTitle } from '../confluence/visible-pages';
import { type AuditExportEntryView, type ChainHeadView, type PinnedHeadCheckView, RESTRICTED_PAGE } from '../shared/contract/audit';
import { type SettingsResults, settingsContract } from '../shared/contract/settings';
import { AppError } from '../shared/errors';
import { type Invocation } from '../auth/invocation';
import { type AuditEntry } from '../storage/audit';
import { type ChainHead, checkPinnedHead, exportSealedEntries, hashedEntryOf, isExportCursor, PIN_CHECK_MAX_ENTRIES } from '../storage/audit-chain';
import { type NameMap } from '../storage/display-names';
import { NONE } from '../storage/entities';
import { resolverSpec } from './define';
import { requireSpaceViewer } from './settings/space';

async function namesOf(accountIds: string[]): Promise<NameMap> {
  if (accountIds.length === 0) return {};
  const people = await getPeople(accountIds);
  return Object.fromEntries([...people.values()].map((person) => [person.accountId, person.displayName]));
}

/** The space admin the invocation comes from, in the space it was opened in. */
async function spaceAdminSpace({ spaceId, accountId }: Invocation): Promise<string> {
  if (spaceId === undefined) throw new AppError('VALIDATION', "Open the audit trail from the space's settings.");
  if (!(await isSpaceAdmin(spaceId, accountId))) {
    // Someone who cannot see the space is answered as if it did not exist, as by the space's other functions.
    await requireSpaceViewer(spaceId);
    throw new AppError('FORBIDDEN', 'Only space admins can see the audit trail of this space.');
  }
  return spaceId;
}

const headView = (head: ChainHead): ChainHeadView => ({ ...head, at: new Date().toISOString() });

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
    summary: `Details withheld: ${RESTRICTED_PAGE}`,
    seq: row.seq,
    hash: row.hash,
    hashed: hashedEntryOf(entry),
    restricted: true,
  };
}

export const exportAuditSpec = resolverSpec(settingsContract.exportAudit, async ({ cursor }, invocation): Promise<SettingsResults['exportAudit']> => {
  if (cursor !== undefined && !isExportCursor(cursor)) {
    throw new AppError('VALIDATION', 'This export position is not valid. Start the export again from the beginning.');
  }
  const spaceId = await spaceAdminSpace(invocation);
  const page = await exportSealedEntries(spaceId, cursor);
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
});

export const checkPinnedHeadSpec = resolverSpec(settingsContract.checkPinnedHead, async ({ pinnedHead }, invocation): Promise<PinnedHeadCheckView> => {
  const spaceId = await spaceAdminSpace(invocation);
  const check = await checkPinnedHead(spaceId, pinnedHead);
  const head = headView(check.head);
  if (check.outcome === 'tooFarBack') {
    throw new AppError(
      'PRECONDITION',
      `The pinned entry ${pinnedHead.seq} is more than ${PIN_CHECK_MAX_ENTRIES.toLocaleString('en-US')} entries before the head (${check.head.seq}): check it against a full export with the offline script of the audit guide, or pin a more recent head.`,
    );
  }
  if (check.outcome === 'broken') return { outcome: 'broken', message: check.broken.detail, brokenSeq: check.broken.seq, head };
  const added = check.head.seq - pinnedHead.seq;
  const since = added === 0 ? 'nothing was added since.' : `${added} ${added === 1 ? 'entry was' : 'entries were'} added since, and they verify.`;
  return { outcome: 'intact', message: `The chain still contains the pinned entry unchanged; ${since}`, head };
});
