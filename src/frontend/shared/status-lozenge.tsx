import type React from 'react';
import { Lozenge } from '@forge/react';
import { type LozengeAppearance } from '../../shared/status-colours';

export interface StatusLozengeProps {
  /** What the back end's view says: `{text, appearance}` as every status-bearing view carries it. */
  lozenge: { text: string; appearance: LozengeAppearance };
  /** Bold for the one status a screen is about (the byline dialog's page status). */
  isBold?: boolean;
}

/** A page's approval status, coloured the way the byline icon is. */
export function StatusLozenge({ lozenge, isBold = false }: StatusLozengeProps): React.JSX.Element {
  return (
    <Lozenge appearance={lozenge.appearance} isBold={isBold}>
      {lozenge.text}
    </Lozenge>
  );
}
