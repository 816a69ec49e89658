/** A whole-view message (not found, no permission, failed to load), centred as Confluence shows its empty states. */
import { type ReactElement, type ReactNode } from 'react';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';

export function ProblemPage({ title, detail, testId, children }: { title: string; detail: string; testId: string; children?: ReactNode }): ReactElement {
  return (
    <div data-testid={testId} role="status" style={{ maxWidth: 480, margin: `${token('space.800')} auto`, textAlign: 'center', display: 'flex', flexDirection: 'column', gap: token('space.150'), alignItems: 'center' }}>
      <Heading size="large">{title}</Heading>
      <p style={{ margin: 0, color: token('color.text.subtle'), font: token('font.body') }}>{detail}</p>
      {children}
    </div>
  );
}
