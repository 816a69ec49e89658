import type React from 'react';
import { type QueueTab } from '../../shared/contract';
import { EmptyNote } from '../shared/empty-note';

const EMPTY: Record<QueueTab, { header: string; description: string }> = {
  mine: { header: 'Nothing waiting for you', description: 'When a page of this space needs your approval, it shows up here.' },
  pending: { header: 'Nothing in approval', description: 'No page of this space is waiting for a decision right now.' },
  approved: { header: 'No approved pages yet', description: 'Pages appear here once every step of their workflow has approved them.' },
  rejected: { header: 'No rejected pages', description: 'Pages sent back for changes appear here with the version that was rejected.' },
};

/** An empty tab says why it is empty: nothing there, or nothing matching the filters. */
export function QueueEmpty({ tab, filtered }: { tab: QueueTab; filtered: boolean }): React.JSX.Element {
  return filtered ? (
    <EmptyNote header="No items match these filters" description="Change the workflow, submitter or dates above, or clear the filters." />
  ) : (
    <EmptyNote {...EMPTY[tab]} />
  );
}
