import { type ChainHeadView, RESTRICTED_PAGE } from '../../shared/contract';
import { type AuditEntry } from './use-audit-export';

const COLUMNS = ['seq', 'at', 'type', 'actor', 'actorId', 'pageId', 'pageTitle', 'pageVersion', 'summary', 'comment', 'hash', 'prevHash', 'key', 'spaceId', 'bodyHash', 'body'] as const;

/** RFC 4180 quoting: every field quoted, inner quotes doubled, so commas and line breaks survive. */
function quote(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * The loaded entries as CSV with a header row, in chain order, for a compliance archive: what the
 * table shows, then what each hash covers (docs/audit.md). An entry on a page the admin cannot
 * view has "restricted page" for a title and an empty body; its bodyHash keeps the chain whole.
 */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = entries.map((e) =>
    [
      e.seq,
      e.at,
      e.type,
      e.actor?.displayName ?? 'ApprovalFlow',
      e.actor?.accountId ?? '',
      e.pageId,
      e.restricted ? RESTRICTED_PAGE : e.pageTitle,
      e.pageVersion,
      e.summary,
      e.comment,
      e.hash,
      e.hashed.prevHash,
      e.hashed.key,
      e.hashed.spaceId,
      e.hashed.bodyHash,
      e.body === undefined ? '' : JSON.stringify(e.body),
    ]
      .map(quote)
      .join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\n');
}

/**
 * The loaded entries as the JSON an auditor's script recomputes offline (docs/audit.md): the head
 * as of the export, then one entry a line with its hash, what the hash covers and its body.
 */
export function auditJson(head: ChainHeadView, entries: readonly AuditEntry[]): string {
  const lines = entries.map((e) => JSON.stringify({ hash: e.hash, hashed: e.hashed, ...(e.body === undefined ? {} : { body: e.body }) }));
  return `{"head":${JSON.stringify(head)},"entries":[\n${lines.join(',\n')}\n]}`;
}
