/**
 * The space's audit trail as the export hands it out: oldest first, a page at a time, each page
 * checked against the hash chain. The chain counts as verified only while every page was; the
 * head is the one the latest page stated, the one an admin copies to pin the chain.
 */
import { useCallback, useEffect, useState } from 'react';
import { type AuditExportView, type ChainHeadView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { callSettings } from './settings-api';

export type AuditEntry = AuditExportView['entries'][number];

export interface AuditExport {
  entries: AuditEntry[];
  /** Undefined until the first page answered. */
  chainVerified: boolean | undefined;
  /** Undefined until the first page answered. */
  head: ChainHeadView | undefined;
  /** Loaded entries whose page the admin cannot view. */
  restrictedEntries: number;
  hasMore: boolean;
  loading: boolean;
  failure: ApiFailure | null;
  loadMore(): void;
}

export function useAuditExport(): AuditExport {
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [chainVerified, setChainVerified] = useState<boolean | undefined>(undefined);
  const [head, setHead] = useState<ChainHeadView | undefined>(undefined);
  const [restrictedEntries, setRestrictedEntries] = useState(0);
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
    setHead(result.data.head);
    setRestrictedEntries((current) => current + result.data.restrictedEntries);
  }, []);

  useEffect(() => {
    void fetchPage(undefined);
  }, [fetchPage]);

  return {
    entries,
    chainVerified,
    head,
    restrictedEntries,
    hasMore: cursor !== undefined,
    loading,
    failure,
    loadMore: () => {
      if (!loading) void fetchPage(cursor);
    },
  };
}
