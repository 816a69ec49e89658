import type React from 'react';
import { useState } from 'react';
import { Heading, Stack, Text } from '@forge/react';
import { type TreeRowView, type WorkflowSummaryView } from '../../shared/contract';
import { AssignWorkflowModal } from './assign-workflow-modal';
import { successFlag } from './flag';
import { OverrideStatusModal } from './override-status-modal';
import { type RowAction, SpaceTreeTable } from './space-tree-table';
import { SubmitPageModal } from './submit-page-modal';
import { useSpaceTree } from './use-space-tree';

interface Props {
  workflows: readonly WorkflowSummaryView[];
}

/** The Manage space tab: the page tree with each page's status and workflows, and the admin actions on a page. */
export function ManageSpaceTab({ workflows }: Props): React.JSX.Element {
  const tree = useSpaceTree();
  const [dialog, setDialog] = useState<{ action: RowAction; row: TreeRowView } | null>(null);
  const close = () => setDialog(null);
  const done = (row: TreeRowView, title: string) => {
    tree.replaceRow(row);
    successFlag(title, row.title);
    close();
  };

  return (
    <Stack space="space.200">
      <Heading as="h2">Manage space</Heading>
      <Text>
        {tree.isSpaceAdmin
          ? 'Every page with its approval status and the workflows that apply to it. Click a title to show what is below it.'
          : 'Every page with its approval status and the workflows that apply to it. Click a title to show what is below it. Space admins can assign workflows and override statuses here.'}
      </Text>
      <SpaceTreeTable tree={tree} onAction={(action, row) => setDialog({ action, row })} />
      {dialog?.action === 'assign' ? (
        <AssignWorkflowModal
          row={dialog.row}
          workflows={workflows}
          onClose={close}
          onAssigned={(row, scope) => {
            done(row, row.ownAssignment === undefined ? 'Assignment removed' : 'Workflow assigned');
            // Children inherit a subtree assignment, and lose it when it is removed or narrowed.
            if (scope === 'subtree' || dialog.row.ownAssignment?.scope === 'subtree') tree.refreshBelow(row.id);
          }}
        />
      ) : null}
      {dialog?.action === 'override' ? <OverrideStatusModal row={dialog.row} onClose={close} onOverridden={(row) => done(row, 'Status overridden')} /> : null}
      {dialog?.action === 'submit' ? <SubmitPageModal row={dialog.row} onClose={close} onSubmitted={(row) => done(row, 'Submitted for approval')} /> : null}
    </Stack>
  );
}
