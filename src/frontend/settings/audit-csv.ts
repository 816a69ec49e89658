import { type AuditEntry } from './use-audit-export';

const COLUMNS = ['seq', 'at', 'type', 'actor', 'actorId', 'pageId', 'pageVersion', 'summary', 'comment', 'hash'] as const;

/** RFC 4180 quoting: every field quoted, inner quotes doubled, so commas and line breaks survive. */
function quote(value: string | number | null | undefined): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${text.replace(/"/g, '""')}"`;
}

/** The loaded entries as CSV with a header row, in chain order, for a compliance archive. */
export function auditCsv(entries: readonly AuditEntry[]): string {
  const lines = entries.map((e) =>
    [e.seq, e.at, e.type, e.actor?.displayName ?? 'ApprovalFlow', e.actor?.accountId ?? '', e.pageId, e.pageVersion, e.summary, e.comment, e.hash]
      .map(quote)
      .join(','),
  );
  return [COLUMNS.join(','), ...lines].join('\n');
}
