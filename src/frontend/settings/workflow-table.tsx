import type React from 'react';
import { Button, ButtonGroup, DynamicTable, Inline, Lozenge, Text } from '@forge/react';
import { type WorkflowSummaryView } from '../../shared/contract';

interface Props {
  workflows: readonly WorkflowSummaryView[];
  /** The workflow an enable/disable is under way for: its buttons wait. */
  busyId: string | null;
  onView(workflow: WorkflowSummaryView): void;
  onEdit(workflow: WorkflowSummaryView): void;
  onSetEnabled(workflow: WorkflowSummaryView, enabled: boolean): void;
  onDelete(workflow: WorkflowSummaryView): void;
}

const HEAD = {
  cells: [
    { key: 'name', content: 'Name', isSortable: true },
    { key: 'description', content: 'Description' },
    { key: 'steps', content: 'Steps' },
    { key: 'owners', content: 'Owners' },
    { key: 'state', content: 'State' },
    { key: 'actions', content: 'Actions' },
  ],
};

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Everyone can view a workflow; only its owners and space admins get the buttons that change it. */
function actionsFor(workflow: WorkflowSummaryView, props: Props): React.JSX.Element {
  const busy = props.busyId === workflow.id;
  return (
    <ButtonGroup label={`Actions for ${workflow.name}`}>
      <Button spacing="compact" onClick={() => props.onView(workflow)}>
        View
      </Button>
      {workflow.canManage ? (
        <>
          <Button spacing="compact" onClick={() => props.onEdit(workflow)}>
            Edit
          </Button>
          <Button spacing="compact" isDisabled={busy} onClick={() => props.onSetEnabled(workflow, !workflow.enabled)}>
            {workflow.enabled ? 'Disable' : 'Enable'}
          </Button>
          <Button spacing="compact" appearance="subtle" onClick={() => props.onDelete(workflow)}>
            Delete
          </Button>
        </>
      ) : null}
    </ButtonGroup>
  );
}

/** The space's workflows, one row each, in name order. */
export function WorkflowTable(props: Props): React.JSX.Element {
  const rows = props.workflows.map((workflow) => ({
    key: workflow.id,
    cells: [
      {
        key: workflow.name,
        content: (
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Text weight="medium">{workflow.name}</Text>
            {workflow.isDefault ? <Lozenge appearance="new">Default</Lozenge> : null}
          </Inline>
        ),
      },
      { key: 'description', content: <Text>{workflow.description === '' ? '—' : workflow.description}</Text> },
      { key: workflow.stepCount, content: <Text>{plural(workflow.stepCount, 'step')}</Text> },
      { key: 'owners', content: <Text>{workflow.owners.map((owner) => owner.displayName).join(', ') || '—'}</Text> },
      {
        key: workflow.enabled ? 'enabled' : 'disabled',
        content: workflow.enabled ? <Lozenge appearance="success">Enabled</Lozenge> : <Lozenge>Disabled</Lozenge>,
      },
      { key: 'actions', content: actionsFor(workflow, props) },
    ],
  }));
  // The tab's heading names the table; a caption would repeat it as a second, centred title.
  return <DynamicTable label="Workflows of this space" head={HEAD} rows={rows} />;
}
