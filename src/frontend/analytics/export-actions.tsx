import type React from 'react';
import { ButtonGroup, LoadingButton } from '@forge/react';

export type ExportFormat = 'csv' | 'html';

export interface ExportActionsProps {
  busy: ExportFormat | null;
  isDisabled: boolean;
  onExport(format: ExportFormat): void;
}

/** Export the figures on screen, with the same filters. */
export function ExportActions({ busy, isDisabled, onExport }: ExportActionsProps): React.JSX.Element {
  return (
    <ButtonGroup label="Export">
      <LoadingButton isDisabled={isDisabled || busy === 'html'} isLoading={busy === 'csv'} onClick={() => onExport('csv')}>
        Export CSV
      </LoadingButton>
      <LoadingButton isDisabled={isDisabled || busy === 'csv'} isLoading={busy === 'html'} onClick={() => onExport('html')}>
        Export HTML
      </LoadingButton>
    </ButtonGroup>
  );
}
