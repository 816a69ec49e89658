import type React from 'react';
import { Button, ButtonGroup, LoadingButton, SectionMessage, Stack, Text } from '@forge/react';
import { type ActionKind } from './byline-api';

export interface WithdrawPanelProps {
  version: number;
  busy: ActionKind | null;
  onConfirm(): Promise<boolean>;
  onCancel(): void;
}

/** Withdrawing stops the review for everyone, so it asks first. */
export function WithdrawPanel({ version, busy, onConfirm, onCancel }: WithdrawPanelProps): React.JSX.Element {
  return (
    <SectionMessage appearance="warning" title={`Withdraw version ${version} from approval?`}>
      <Stack space="space.100">
        <Text>The approvers are no longer asked to decide and the page returns to Draft. You can submit it again at any time.</Text>
        <ButtonGroup label="Confirm withdrawal">
          <LoadingButton appearance="warning" isLoading={busy === 'withdraw'} isDisabled={busy !== null && busy !== 'withdraw'} onClick={() => onConfirm()}>
            Withdraw
          </LoadingButton>
          <Button appearance="subtle" isDisabled={busy === 'withdraw'} onClick={onCancel}>
            Cancel
          </Button>
        </ButtonGroup>
      </Stack>
    </SectionMessage>
  );
}
