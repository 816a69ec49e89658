import type React from 'react';
import { useState } from 'react';
import { Box, Button, Inline, Lozenge, SectionMessage, Stack, Text, xcss } from '@forge/react';
import { type PageApprovalView } from '../../shared/contract/byline';
import { type BlockChange, type BlockKind, type VersionChanges } from '../../shared/what-changed';
import { countOf } from '../../shared/wording';
import { ApiErrorMessage } from '../shared/api-error-message';
import { type ApiFailure } from '../shared/api';
import { callByline } from './byline-api';

const KIND_NAMES: Record<BlockKind, string> = {
  paragraph: 'Paragraph',
  heading: 'Heading',
  listItem: 'List item',
  tableCell: 'Table cell',
};

const CHANGE_LOZENGES: Record<BlockChange['change'], { text: string; appearance: 'success' | 'removed' | 'moved' }> = {
  added: { text: 'Added', appearance: 'success' },
  removed: { text: 'Removed', appearance: 'removed' },
  changed: { text: 'Changed', appearance: 'moved' },
};

const blockBox = xcss({
  borderLeftWidth: 'border.width.selected',
  borderLeftStyle: 'solid',
  borderLeftColor: 'color.border',
  paddingLeft: 'space.150',
});

function BlockRow({ block }: { block: BlockChange }): React.JSX.Element {
  const lozenge = CHANGE_LOZENGES[block.change];
  return (
    <Box xcss={blockBox}>
      <Stack space="space.050">
        <Inline space="space.100" alignBlock="center">
          <Lozenge appearance={lozenge.appearance}>{lozenge.text}</Lozenge>
          <Text size="small" color="color.text.subtle">
            {KIND_NAMES[block.kind]}
          </Text>
        </Inline>
        <Text>
          {block.runs.map((run, index) =>
            run.change === 'removed' ? (
              <Text key={index} as="strike">
                {run.text}
              </Text>
            ) : run.change === 'added' ? (
              <Text key={index} as="strong">
                {run.text}
              </Text>
            ) : (
              run.text
            ),
          )}
        </Text>
      </Stack>
    </Box>
  );
}

function summary(changes: VersionChanges): string {
  const { counts } = changes;
  if (counts === null) return '';
  const parts = (['added', 'removed', 'changed'] as const).filter((change) => counts[change] > 0).map((change) => `${countOf(counts[change], 'block')} ${change}`);
  if (parts.length === 0) return 'The text is the same as in the approved version.';
  return `${parts.join(', ')}.`;
}

function labelSentence({ added, removed }: NonNullable<VersionChanges['labels']>): string {
  const parts = [...(added.length > 0 ? [`added ${added.join(', ')}`] : []), ...(removed.length > 0 ? [`removed ${removed.join(', ')}`] : [])];
  return `Labels: ${parts.join('; ')}.`;
}

const NOT_COMPARED: Record<NonNullable<VersionChanges['notCompared']>, string> = {
  tooLarge: 'This page is too large to compare here. Use Confluence’s page history to compare the versions.',
  tooManyChanges: 'Too much of this page changed to list here. Use Confluence’s page history to compare the versions.',
};

function Changes({ changes }: { changes: VersionChanges }): React.JSX.Element {
  return (
    <Stack space="space.100">
      {changes.title !== null && (
        <Text>
          Title: <Text as="strike">{changes.title.from}</Text> <Text as="strong">{changes.title.to}</Text>
        </Text>
      )}
      {changes.labels !== undefined && (changes.labels.added.length > 0 || changes.labels.removed.length > 0) && (
        <Text>{labelSentence(changes.labels)}</Text>
      )}
      {changes.notCompared !== null ? (
        <SectionMessage appearance="information">
          <Text>{NOT_COMPARED[changes.notCompared]}</Text>
        </SectionMessage>
      ) : (
        <Text>{summary(changes)}</Text>
      )}
      {changes.blocks.map((block, index) => (
        <BlockRow key={index} block={block} />
      ))}
      {changes.truncated && <Text color="color.text.subtle">{`Only the first ${changes.blocks.length} changes are listed.`}</Text>}
    </Stack>
  );
}

/** "What changed since v7": on demand, so opening the dialog never reads two page versions. */
export function WhatChanged({ view }: { view: PageApprovalView }): React.JSX.Element | null {
  const [shown, setShown] = useState<{ forVersion: number; changes: VersionChanges } | null>(null);
  const [error, setError] = useState<ApiFailure | null>(null);
  const [loading, setLoading] = useState(false);
  const from = view.changesSinceVersion;
  const toVersion = view.request?.version;
  if (from === null || toVersion === undefined) return null;
  const label = `What changed since v${from}`;
  const load = async (): Promise<void> => {
    setLoading(true);
    setError(null);
    const result = await callByline('getChangesSinceApproval', {});
    setLoading(false);
    if (result.ok) setShown({ forVersion: toVersion, changes: result.data });
    else setError(result.error);
  };
  const changes = shown !== null && shown.forVersion === toVersion ? shown.changes : null;
  return (
    <Stack space="space.100">
      {changes === null ? (
        <Inline>
          <Button onClick={load} isDisabled={loading}>
            {loading ? 'Comparing versions…' : label}
          </Button>
        </Inline>
      ) : (
        <Text weight="bold">{`${label} (v${changes.toVersion} under review)`}</Text>
      )}
      {error !== null && <ApiErrorMessage error={error} title="Couldn't compare the versions" actions={[{ label: 'Try again', onClick: load, isLoading: loading }]} />}
      {changes !== null && <Changes changes={changes} />}
    </Stack>
  );
}
