/**
 * `settingsContract.exportAudit`: a space's sealed audit trail for compliance, oldest first,
 * page by page, each entry with what its hash covers and each page checked against the chain;
 * `checkPinnedHead`: whether the chain still holds a head kept from an earlier export.
 * Space admins only. Registered by the settings resolver.
 */
import { auditExportPage, headView, requireAuditReader, requireExportCursor } from '../views/audit-export';
import { type PinnedHeadCheckView } from '../shared/contract/audit';
import { type SettingsResults, settingsContract } from '../shared/contract/settings';
import { AppError } from '../shared/errors';
import { type Invocation } from '../auth/invocation';
import { checkPinnedHead, PIN_CHECK_MAX_ENTRIES } from '../storage/audit-chain';
import { resolverSpec } from './define';

/** The space admin the invocation comes from, in the space it was opened in. */
async function spaceAdminSpace({ spaceId, accountId }: Invocation): Promise<string> {
  if (spaceId === undefined) throw new AppError('VALIDATION', "Open the audit trail from the space's settings.");
  await requireAuditReader(spaceId, accountId);
  return spaceId;
}

export const exportAuditSpec = resolverSpec(settingsContract.exportAudit, async ({ cursor }, invocation): Promise<SettingsResults['exportAudit']> => {
  requireExportCursor(cursor);
  return auditExportPage(await spaceAdminSpace(invocation), cursor);
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
