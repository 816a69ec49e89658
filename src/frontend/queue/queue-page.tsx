import type React from 'react';
import { useCallback, useState } from 'react';
import { Box, Heading, LoadingButton, Stack, Tab, TabList, TabPanel, Tabs, Text, useProductContext } from '@forge/react';
import { QUEUE_TABS, type QueueItemView, type QueueTab } from '../../shared/contract';
import { ApiErrorMessage } from '../shared/api-error-message';
import { LoadingBlock } from '../shared/loading-block';
import { BulkBar } from './bulk-bar';
import { BulkResults } from './bulk-results';
import { openPage } from './page-link';
import { QueueEmpty } from './queue-empty';
import { QueueFilterBar } from './queue-filters';
import { type QueueFilters, TAB_LABELS, hasFilters, isPendingTab, rangeError } from './queue-query';
import { QueueTable } from './queue-table';
import { RejectModal } from './reject-modal';
import { useBulkDecision } from './use-bulk-decision';
import { useQueueList } from './use-queue-list';

const NO_SELECTION: ReadonlySet<string> = new Set();

/** The space's approval inbox: tabs, filters, the items, and bulk decisions on them. */
function QueueScreen(): React.JSX.Element {
  const [tab, setTab] = useState<QueueTab>('mine');
  const [filters, setFilters] = useState<QueueFilters>({});
  const [resetKey, setResetKey] = useState(0);
  const [selected, setSelected] = useState<ReadonlySet<string>>(NO_SELECTION);
  const [rejecting, setRejecting] = useState(false);

  const badRange = rangeError(filters);
  const list = useQueueList(badRange === undefined ? { tab, filters } : null);
  const { reload } = list;
  const afterDecisions = useCallback(async () => {
    setSelected(NO_SELECTION);
    await reload();
  }, [reload]);
  const bulk = useBulkDecision(afterDecisions);

  // Only rows still listed and still decidable count: a reload can drop or change ticked rows.
  const chosen = list.items.filter((item) => item.canDecide && selected.has(item.requestId));
  const pending = isPendingTab(tab);
  const decidable = pending && list.items.some((item) => item.canDecide);

  const changeView = (nextTab: QueueTab, nextFilters: QueueFilters) => {
    setTab(nextTab);
    setFilters(nextFilters);
    setSelected(NO_SELECTION);
    bulk.clearFailure();
  };
  const clearFilters = () => {
    changeView(tab, {});
    setResetKey((key) => key + 1);
  };
  const toggle = (requestId: string, checked: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      if (checked) next.add(requestId);
      else next.delete(requestId);
      return next;
    });
  const toggleAll = (checked: boolean) => setSelected(checked ? new Set(list.items.filter((item) => item.canDecide).map((item) => item.requestId)) : NO_SELECTION);
  const approve = () => void bulk.decide('approve', chosen);
  const reject = async (comment: string) => {
    if (await bulk.decide('reject', chosen, comment)) setRejecting(false);
  };
  const openRow = (item: QueueItemView) => void openPage(item.url);
  const cancelReject = () => {
    setRejecting(false);
    bulk.clearFailure();
  };

  const body = (): React.JSX.Element | null => {
    if (badRange !== undefined) return null;
    if (!list.loaded) return <LoadingBlock label="Loading approvals…" />;
    if (list.items.length === 0 && list.error !== undefined) {
      return <ApiErrorMessage error={list.error} title="Couldn't load the approvals" actions={[{ label: 'Try again', onClick: reload, isLoading: list.loading }]} />;
    }
    if (list.items.length === 0) return <QueueEmpty tab={tab} filtered={hasFilters(filters)} />;
    return (
      <Stack space="space.150">
        <QueueTable
          tab={tab}
          items={list.items}
          selected={selected}
          onToggle={toggle}
          onToggleAll={toggleAll}
          onOpenPage={openRow}
          isLoading={list.loading}
        />
        {list.error !== undefined && (
          <ApiErrorMessage error={list.error} title="Couldn't load more approvals" actions={[{ label: 'Start again from the top', onClick: reload, isLoading: list.loading }]} />
        )}
        {list.hasMore && (
          <Box>
            <LoadingButton isLoading={list.loadingMore} onClick={() => void list.loadMore()}>
              Load more
            </LoadingButton>
          </Box>
        )}
      </Stack>
    );
  };

  const panel = (
    <Box paddingBlock="space.200">
      <Stack space="space.200">
        <QueueFilterBar filters={filters} workflows={list.workflows} onChange={(next) => changeView(tab, next)} onClear={clearFilters} resetKey={resetKey} />
        {bulk.outcome !== null && <BulkResults outcome={bulk.outcome} onDismiss={bulk.dismiss} />}
        {bulk.failure?.decision === 'approve' && <ApiErrorMessage error={bulk.failure.error} title="The items were not approved" />}
        {decidable && <BulkBar count={chosen.length} busy={bulk.busy} onApprove={approve} onReject={() => setRejecting(true)} />}
        {body()}
      </Stack>
    </Box>
  );

  return (
    <Stack space="space.200">
      <Stack space="space.050">
        <Heading as="h1" size="large">
          Approvals
        </Heading>
        <Text color="color.text.subtle">Pages of this space waiting for approval, and the decisions taken on them.</Text>
      </Stack>
      <Tabs id="approval-queue-tabs" selected={QUEUE_TABS.indexOf(tab)} onChange={(index) => changeView(QUEUE_TABS[index] ?? 'mine', filters)}>
        <TabList>
          {QUEUE_TABS.map((name) => (
            <Tab key={name}>{TAB_LABELS[name]}</Tab>
          ))}
        </TabList>
        {QUEUE_TABS.map((name) => (
          <TabPanel key={name}>{name === tab ? panel : <Box />}</TabPanel>
        ))}
      </Tabs>
      {rejecting && chosen.length > 0 && (
        <RejectModal
          count={chosen.length}
          isSubmitting={bulk.busy === 'reject'}
          failure={bulk.failure?.decision === 'reject' ? bulk.failure.error : undefined}
          onSubmit={(comment) => void reject(comment)}
          onCancel={cancelReject}
        />
      )}
    </Stack>
  );
}

/** The `approval-queue` space page. The space comes from the page's context, never from input. */
export function QueuePage(): React.JSX.Element {
  const context = useProductContext();
  if (context === undefined) return <LoadingBlock label="Loading approvals…" />;
  return <QueueScreen />;
}
