import type React from 'react';
import { ButtonGroup, Inline, LoadingButton, Text } from '@forge/react';
import { BULK_LIMIT } from '../../shared/contract';
import { type Decision } from './bulk-outcome';

export interface BulkBarProps {
  count: number;
  busy: Decision | null;
  onApprove(): void;
  onReject(): void;
}

/** The bulk decisions for the ticked rows; each item is still decided and audited on its own. */
export function BulkBar({ count, busy, onApprove, onReject }: BulkBarProps): React.JSX.Element {
  const none = count === 0;
  return (
    <Inline space="space.200" alignBlock="center" shouldWrap>
      <Text color="color.text.subtle">
        {none ? `Tick the items you want to decide on (up to ${BULK_LIMIT} at once).` : `${count} selected`}
      </Text>
      <ButtonGroup label="Bulk decisions">
        <LoadingButton appearance="primary" isDisabled={none || busy === 'reject'} isLoading={busy === 'approve'} onClick={onApprove}>
          Approve selected
        </LoadingButton>
        <LoadingButton appearance="danger" isDisabled={none || busy === 'approve'} isLoading={busy === 'reject'} onClick={onReject}>
          Reject selected
        </LoadingButton>
      </ButtonGroup>
    </Inline>
  );
}
