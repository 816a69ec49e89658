import type React from 'react';
import { Text } from '@forge/react';
import { type PersonView } from '../../shared/contract/common';

/**
 * A person by the display name the back end resolved. Not UI Kit's `User`: that looks the
 * account up again from the frame, and the view already carries the name.
 */
export function PersonName({ person }: { person: PersonView | null }): React.JSX.Element {
  return (
    <Text as="span" weight="semibold">
      {person?.displayName ?? 'ApprovalFlow'}
    </Text>
  );
}
