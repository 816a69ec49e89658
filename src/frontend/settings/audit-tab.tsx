import type React from 'react';
import { useState } from 'react';
import { Button, Code, CodeBlock, DynamicTable, Heading, Inline, Lozenge, SectionMessage, Stack, Text, Tooltip } from '@forge/react';
import { ApiErrorMessage } from '../shared/api-error-message';
import { formatDateTime } from '../shared/dates';
import { useViewerLocale } from '../shared/use-viewer-locale';
import { EmptyNote } from '../shared/empty-note';
import { LoadingBlock } from '../shared/loading-block';
import { RESTRICTED_PAGE } from '../../shared/contract';
import { auditCsv, auditJson } from './audit-csv';
import { PinnedHeadCheck } from './pinned-head-check';
import { type AuditEntry, useAuditExport } from './use-audit-export';

/*
 * Widths are percentages of the table (ADS DynamicTable): the sequence number and the short hash
 * get what they need on one line; the page's title shares the widest column with the sentence,
 * so a long compound word in a title still fits on a line at 760 px.
 */
const HEAD = {
  cells: [
    { key: 'seq', content: '#', width: 6 },
    { key: 'at', content: 'When', width: 15 },
    { key: 'actor', content: 'Who', width: 15 },
    { key: 'summary', content: 'What happened', width: 49 },
    { key: 'hash', content: 'Hash', width: 15 },
  ],
};

/** Enough of a SHA-256 hex digest to tell entries apart at a glance; the full one is in the tooltip and the exports. */
const SHORT_HASH_LENGTH = 10;

/** The page an entry is about as the admin may see it: its title, or that a restriction hides it. */
function pageLabel(entry: AuditEntry): string {
  const page = entry.restricted ? `${entry.pageId} (${RESTRICTED_PAGE})` : (entry.pageTitle ?? entry.pageId);
  return entry.pageVersion === null ? page : `${page} (v${entry.pageVersion})`;
}

type Shown = 'none' | 'csv' | 'json';

/**
 * The space's audit trail for space admins, with the hash chain's verdict. The app has no egress
 * and UI Kit cannot hand the browser a file, so the export is a table plus the same entries as
 * CSV text to copy into an archive, or as the JSON the offline check of docs/audit.md reads.
 * The head it states is what an admin keeps outside the app and pastes back as the pinned head.
 */
export function AuditTab(): React.JSX.Element {
  const audit = useAuditExport();
  const locale = useViewerLocale();
  const [shown, setShown] = useState<Shown>('none');
  const toggle = (format: Shown) => setShown((current) => (current === format ? 'none' : format));

  const rows = audit.entries.map((entry) => ({
    key: entry.id,
    cells: [
      { key: entry.seq, content: <Text>{String(entry.seq)}</Text> },
      { key: entry.at, content: <Text>{formatDateTime(entry.at, locale)}</Text> },
      { key: 'actor', content: <Text>{entry.actor?.displayName ?? 'ApprovalFlow'}</Text> },
      {
        key: 'summary',
        content: (
          <Stack space="space.025">
            {entry.restricted || entry.pageTitle !== undefined ? <Text weight="medium">{pageLabel(entry)}</Text> : null}
            <Text>{entry.summary}</Text>
            {entry.comment === undefined ? null : <Text color="color.text.subtle">{`“${entry.comment}”`}</Text>}
          </Stack>
        ),
      },
      {
        key: 'hash',
        content: (
          <Tooltip content={entry.hash}>
            <Code>{entry.hash.slice(0, SHORT_HASH_LENGTH)}</Code>
          </Tooltip>
        ),
      },
    ],
  }));

  return (
    <Stack space="space.200">
      <Inline spread="space-between" alignBlock="center">
        <Heading as="h2">Audit trail</Heading>
        {audit.chainVerified === undefined ? null : audit.chainVerified ? (
          <Lozenge appearance="success" isBold>
            Chain verified
          </Lozenge>
        ) : (
          <Lozenge appearance="removed" isBold>
            Chain broken
          </Lozenge>
        )}
      </Inline>
      <Text>
        Every submission, decision, override, workflow change and action result in this space, oldest first. Each entry is linked to the one before it by its hash, so
        a changed or missing entry breaks the chain.
      </Text>
      {audit.chainVerified === false ? (
        <ApiErrorMessage
          error={{ code: 'INTERNAL', message: 'The exported entries do not match their hash chain: an entry was changed or removed after it was written.', fields: {} }}
          title="The audit trail failed verification"
        />
      ) : null}
      {audit.restrictedEntries > 0 ? (
        <SectionMessage appearance="information" title="Some entries are on pages you cannot view">
          <Text>
            {`${audit.restrictedEntries} of the loaded entries are about pages a view restriction hides from you: their page title, comment and details are withheld and marked "${RESTRICTED_PAGE}". They keep their place in the chain, with their hashes, type, time and actor.`}
          </Text>
        </SectionMessage>
      ) : null}
      {audit.failure === null ? null : (
        <ApiErrorMessage error={audit.failure} title="The audit trail could not be loaded" actions={[{ label: 'Try again', onClick: audit.loadMore }]} />
      )}
      {audit.entries.length === 0 && audit.loading ? <LoadingBlock label="Loading the audit trail" /> : null}
      {audit.entries.length === 0 && !audit.loading && audit.failure === null ? (
        <EmptyNote header="No audit entries yet" description="Entries appear here once pages are submitted or workflows change." />
      ) : null}
      {audit.entries.length > 0 ? (
        <>
          {/* The tab's heading names the table; a caption would repeat it as a second, centred title. */}
          <DynamicTable label="Audit entries" head={HEAD} rows={rows} isFixedSize />
          <Inline space="space.100" alignBlock="center">
            {audit.hasMore ? (
              <Button isDisabled={audit.loading} onClick={audit.loadMore}>
                {audit.loading ? 'Loading…' : 'Load more'}
              </Button>
            ) : (
              <Text color="color.text.subtlest">{`All ${audit.entries.length} entries loaded.`}</Text>
            )}
            <Button appearance="subtle" onClick={() => toggle('csv')}>
              {shown === 'csv' ? 'Hide CSV' : 'Show as CSV'}
            </Button>
            <Button appearance="subtle" onClick={() => toggle('json')}>
              {shown === 'json' ? 'Hide JSON' : 'Show as JSON'}
            </Button>
          </Inline>
          {shown === 'csv' ? <CodeBlock language="text" text={auditCsv(audit.entries)} /> : null}
          {shown === 'json' && audit.head !== undefined ? <CodeBlock language="json" text={auditJson(audit.head, audit.entries)} /> : null}
        </>
      ) : null}
      {audit.head === undefined || audit.head.seq === 0 ? null : (
        <Stack space="space.050">
          <Heading as="h3">Chain head</Heading>
          <Text>{`As of ${formatDateTime(audit.head.at, locale)}. Keep it outside Confluence: pasted below later, it shows whether anything up to it was rewritten.`}</Text>
          <CodeBlock language="text" text={`${audit.head.seq}:${audit.head.hash}`} />
        </Stack>
      )}
      <PinnedHeadCheck />
    </Stack>
  );
}
