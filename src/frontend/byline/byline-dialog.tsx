import type React from 'react';
import { SectionMessage, Stack, Text } from '@forge/react';
import { ApiErrorMessage } from '../shared/api-error-message';
import { LoadingBlock } from '../shared/loading-block';
import { ActionArea } from './action-area';
import { BylineRefresh } from './byline-refresh';
import { HistoryTimeline } from './history-timeline';
import { decidesNow, moreBelow } from './presentation';
import { PublishedCopyNotice } from './published-copy-notice';
import { RequestDetails } from './request-details';
import { StatusHeader } from './status-header';
import { usePageApproval } from './use-page-approval';
import { WhatChanged } from './what-changed';

/**
 * The byline popup: the page's approval status, what this person may do about it, the latest
 * request step by step, and the page's history.
 */
export function BylineDialog(): React.JSX.Element {
  const { view, loadError, loading, reload, history, actions, bylineShown } = usePageApproval();

  if (view === undefined) {
    if (loadError !== undefined) {
      return (
        <ApiErrorMessage error={loadError} title="Couldn't load this page's approval" actions={[{ label: 'Try again', onClick: reload, isLoading: loading }]} />
      );
    }
    return <LoadingBlock label="Loading approval…" />;
  }

  return (
    <Stack space="space.200">
      <StatusHeader view={view} withSentence={!decidesNow(view)} below={moreBelow(view, history.entries.length, history.hasMore)} />
      {loadError !== undefined && (
        <ApiErrorMessage error={loadError} title="Couldn't reload this page's approval" actions={[{ label: 'Try again', onClick: reload, isLoading: loading }]} />
      )}
      {view.notice !== null && (
        <SectionMessage appearance="information" title="Not available for live docs">
          <Text>{view.notice}</Text>
        </SectionMessage>
      )}
      {view.publishedFrom !== null && <PublishedCopyNotice from={view.publishedFrom} />}
      <ActionArea view={view} actions={actions} reload={reload} reloading={loading} />
      <WhatChanged view={view} />
      {view.request !== null && <RequestDetails request={view.request} />}
      <HistoryTimeline history={history} />
      {bylineShown !== null && <BylineRefresh value={bylineShown} />}
    </Stack>
  );
}
