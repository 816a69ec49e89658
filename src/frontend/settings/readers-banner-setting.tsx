import type React from 'react';
import { useState } from 'react';
import { HelperMessage, Label, Stack, Toggle } from '@forge/react';
import { type WorkflowListView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { callSettings } from './settings-api';

interface Props {
  list: WorkflowListView;
  onChanged(list: WorkflowListView): void;
}

const FIELD_ID = 'space-readers-banner';

/** Space admins choose whether page views tell readers which version is approved (docs/readers.md). */
export function ReadersBannerSetting({ list, onChanged }: Props): React.JSX.Element | null {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  if (!list.isSpaceAdmin) return null;

  const choose = async (shown: boolean) => {
    if (shown === list.readersBanner) return;
    setSaving(true);
    setFailure(null);
    const result = await callSettings('setReadersBanner', { shown });
    setSaving(false);
    if (result.ok) onChanged(result.data);
    else setFailure(result.error);
  };

  return (
    <Stack space="space.050">
      <Label labelFor={FIELD_ID}>Show readers which version is approved</Label>
      <Toggle id={FIELD_ID} isChecked={list.readersBanner} isDisabled={saving} onChange={(e) => void choose(e.target.checked === true)} />
      <HelperMessage>
        For readers of pages in this space: a banner above the title says when the version they see is not the approved one, or is in review, and links to the approved version.
        A change reaches each page at its next approval change, and every page within a day.
      </HelperMessage>
      {failure === null ? null : <ApiErrorMessage error={failure} title="The readers' banner setting was not changed" />}
    </Stack>
  );
}
