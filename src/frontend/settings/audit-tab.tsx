import type React from 'react';
import { useState } from 'react';
import { Button, CodeBlock, DynamicTable, Heading, Inline, Lozenge, Stack, Text } from '@forge/react';
import { ApiErrorMessage } from '../shared/api-error-message';
import { formatDateTime } from '../shared/dates';
import { EmptyNote } from '../shared/empty-note';
import { LoadingBlock } from '../shared/loading-block';
import { auditCsv } from './audit-csv';
import { useAuditExport } from './use-audit-export';

const HEAD = {
  cells: [
    { key: 'seq', content: '#' },
    { key: 'at', content: 'When' },
    { key: 'actor', content: 'Who' },
    { key: 'page', content: 'Page' },
    { key: 'summary', content: 'What happened' },
    { key: 'hash', content: 'Hash' },
  ],
};

/**
 * The space's audit trail for space admins, with the hash chain's verdict. The app has no egress
 * and UI Kit cannot hand the browser a file, so the export is a table plus the same entries as
 * CSV text to copy into an archive; the REST API serves the same export to compliance systems.
 */
export function AuditTab(): React.JSX.Element {
  const audit = useAuditExport();
  const [showCsv, setShowCsv] = useState(false);

  const rows = audit.entries.map((entry) => ({
    key: entry.id,
    cells: [
      { key: entry.seq, content: <Text>{String(entry.seq)}</Text> },
      { key: entry.at, content: <Text>{formatDateTime(entry.at)}</Text> },
      { key: 'actor', content: <Text>{entry.actor?.displayName ?? 'ApprovalFlow'}</Text> },
      { key: 'page', content: <Text>{entry.pageVersion === null ? entry.pageId : `${entry.pageId} (v${entry.pageVersion})`}</Text> },
      {
        key: 'summary',
        content: (
          <Stack space="space.025">
            <Text>{entry.summary}</Text>
            {entry.comment === undefined ? null : <Text color="color.text.subtle">{`“${entry.comment}”`}</Text>}
          </Stack>
        ),
      },
      { key: 'hash', content: <Text size="small">{entry.hash.slice(0, 12)}</Text> },
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
      {audit.failure === null ? null : (
        <ApiErrorMessage error={audit.failure} title="The audit trail could not be loaded" actions={[{ label: 'Try again', onClick: audit.loadMore }]} />
      )}
      {audit.entries.length === 0 && audit.loading ? <LoadingBlock label="Loading the audit trail" /> : null}
      {audit.entries.length === 0 && !audit.loading && audit.failure === null ? (
        <EmptyNote header="No audit entries yet" description="Entries appear here once pages are submitted or workflows change." />
      ) : null}
      {audit.entries.length > 0 ? (
        <>
          <DynamicTable caption="Audit entries" head={HEAD} rows={rows} />
          <Inline space="space.100" alignBlock="center">
            {audit.hasMore ? (
              <Button isDisabled={audit.loading} onClick={audit.loadMore}>
                {audit.loading ? 'Loading…' : 'Load more'}
              </Button>
            ) : (
              <Text color="color.text.subtlest">{`All ${audit.entries.length} entries loaded.`}</Text>
            )}
            <Button appearance="subtle" onClick={() => setShowCsv((shown) => !shown)}>
              {showCsv ? 'Hide CSV' : 'Show as CSV'}
            </Button>
          </Inline>
          {showCsv ? <CodeBlock language="text" text={auditCsv(audit.entries)} /> : null}
        </>
      ) : null}
    </Stack>
  );
}
