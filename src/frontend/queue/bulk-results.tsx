import type React from 'react';
import { Button, Heading, Inline, List, ListItem, SectionMessage, Stack, Text } from '@forge/react';
import { capitalise, countOf } from '../../shared/wording';
import { type BulkItemOutcome, type BulkOutcome } from './bulk-outcome';

const PAST: Record<BulkOutcome['decision'], string> = { approve: 'approved', reject: 'rejected' };

function titleOf({ decision, succeeded, failed }: BulkOutcome): string {
  const done = PAST[decision];
  if (failed.length === 0) return `${countOf(succeeded.length, 'item')} ${done}`;
  if (succeeded.length === 0) return `Nothing was ${done}`;
  return `${countOf(succeeded.length, 'item')} ${done}, ${failed.length} not`;
}

function Items({ heading, items }: { heading: string; items: readonly BulkItemOutcome[] }): React.JSX.Element | null {
  if (items.length === 0) return null;
  return (
    <Stack space="space.050">
      <Heading size="xsmall" as="h4">
        {heading}
      </Heading>
      <List type="unordered">
        {items.map((item) => (
          <ListItem key={item.requestId}>
            <Text>
              {item.label}: {item.message}
            </Text>
          </ListItem>
        ))}
      </List>
    </Stack>
  );
}

/** What a bulk decision did, item by item: each one was decided (and can fail) on its own. */
export function BulkResults({ outcome, onDismiss }: { outcome: BulkOutcome; onDismiss(): void }): React.JSX.Element {
  const appearance = outcome.failed.length === 0 ? 'success' : outcome.succeeded.length === 0 ? 'error' : 'warning';
  const done = PAST[outcome.decision];
  return (
    <SectionMessage appearance={appearance} title={titleOf(outcome)}>
      <Stack space="space.150">
        <Items heading={`${capitalise(done)} (${outcome.succeeded.length})`} items={outcome.succeeded} />
        <Items heading={`Not ${done} (${outcome.failed.length})`} items={outcome.failed} />
        <Inline>
          <Button appearance="subtle" onClick={onDismiss}>
            Dismiss
          </Button>
        </Inline>
      </Stack>
    </SectionMessage>
  );
}
