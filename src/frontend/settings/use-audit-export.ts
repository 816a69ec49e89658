/**
 * The space's audit trail as the export hands it out: oldest first, a page at a time, each page
 * checked against the hash chain. The chain counts as verified only while every page was.
 */
import { useCallback, useEffect, useState } from 'react';
import { type AuditExportView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { callSettings } from './settings-api';

export type AuditEntry = AuditExportView['entries'][number];

export interface AuditExport {
  entries: AuditEntry[];
  /** Undefined until the first page answered. */
  chainVerified: boolean | undefined;
  hasMore: boolean;
  loading: boolean;
  failure: ApiFailure | null;
  loadMore(): void;
}

export function useAuditExport(): AuditExport {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [chainVerified, setChainVerified] = useState<boolean | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const fetchPage = useCallback(async (from: string | undefined) => {
    setLoading(true);
    setFailure(null);
    const result = await callSettings('exportAudit', from === undefined ? {} : { cursor: from });
    setLoading(false);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    setEntries((current) => [...current, ...result.data.entries]);
    setCursor(result.data.cursor);
    setChainVerified((current) => (current ?? true) && result.data.chainVerified);
  }, []);

  useEffect(() => {
    void fetchPage(undefined);
  }, [fetchPage]);

  return {
    entries,
    chainVerified,
    hasMore: cursor !== undefined,
    loading,
    failure,
    loadMore: () => {
      if (!loading) void fetchPage(cursor);
    },
  };
}
