import type React from 'react';
import { Heading, LoadingButton, Stack } from '@forge/react';
import { ApiErrorMessage } from '../shared/api-error-message';
import { EmptyNote } from '../shared/empty-note';
import { HistoryEntry } from './history-entry';
import { type HistoryState } from './use-page-approval';

/** The page's history, newest first, a page at a time. */
export function HistoryTimeline({ history }: { history: HistoryState }): React.JSX.Element {
  return (
    <Stack space="space.100">
      <Heading as="h3" size="xsmall">
        History
      </Heading>
      {history.entries.length === 0 ? (
        <EmptyNote compact header="No approval history yet" description="Submissions, decisions and status changes of this page will appear here." />
      ) : (
        <Stack space="space.150">
          {history.entries.map((entry) => (
            <HistoryEntry key={entry.id} entry={entry} />
          ))}
        </Stack>
      )}
      {history.error !== undefined && <ApiErrorMessage error={history.error} title="Couldn't load more history" />}
      {history.hasMore && (
        <Stack alignInline="start">
          <LoadingButton appearance="subtle" isLoading={history.loadingMore} onClick={() => history.showMore()}>
            Show more
          </LoadingButton>
        </Stack>
      )}
    </Stack>
  );
}
