import type React from 'react';
import { useState } from 'react';
import { Button, Inline, Label, SectionMessage, Stack, Text, Textfield } from '@forge/react';
import { type PinnedHeadCheckView } from '../../shared/contract';
import { ApiErrorMessage } from '../shared/api-error-message';
import { type ApiFailure } from '../shared/api';
import { FieldMessages } from './field-messages';
import { callSettings } from './settings-api';

const FIELD = 'pinned-head';

/**
 * Compares the chain with a head kept from an earlier export (`seq:hash`): an export alone cannot
 * show a chain rewritten from the start with every hash recomputed, a head kept outside the app can.
 */
export function PinnedHeadCheck(): React.JSX.Element {
  const [pinnedHead, setPinnedHead] = useState('');
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<PinnedHeadCheckView | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const check = async () => {
    setChecking(true);
    setFailure(null);
    setResult(null);
    const answer = await callSettings('checkPinnedHead', { pinnedHead });
    setChecking(false);
    if (answer.ok) setResult(answer.data);
    else setFailure(answer.error);
  };

  const fieldMessage = failure?.code === 'VALIDATION' ? (failure.fields.pinnedHead ?? failure.message) : undefined;
  return (
    <Stack space="space.100">
      <Stack space="space.050">
        <Label labelFor={FIELD}>Pinned head</Label>
        <Inline space="space.100" alignBlock="center">
          <Textfield id={FIELD} value={pinnedHead} isInvalid={fieldMessage !== undefined} onChange={(e) => setPinnedHead(String(e.target.value ?? ''))} />
          <Button isDisabled={checking || pinnedHead.trim() === ''} onClick={() => void check()}>
            {checking ? 'Checking…' : 'Check'}
          </Button>
        </Inline>
        <FieldMessages
          messages={fieldMessage === undefined ? [] : [fieldMessage]}
          helper="Paste the head (seq:hash) of an earlier export to check that nothing up to it was rewritten."
        />
      </Stack>
      {failure !== null && failure.code !== 'VALIDATION' ? <ApiErrorMessage error={failure} title="The pinned head could not be checked" /> : null}
      {result === null ? null : (
        <SectionMessage appearance={result.outcome === 'intact' ? 'success' : 'error'} title={result.outcome === 'intact' ? 'Pinned head found' : 'The chain does not hold the pinned head'}>
          <Text>{result.message}</Text>
        </SectionMessage>
      )}
    </Stack>
  );
}
