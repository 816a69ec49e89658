import type React from 'react';
import { Button, ButtonGroup, DynamicTable, Inline, Lozenge, Text } from '@forge/react';
import { type WorkflowSummaryView } from '../../shared/contract';
import { countOf } from '../../shared/wording';

interface Props {
  workflows: readonly WorkflowSummaryView[];
  /** The workflow an enable/disable is under way for: its buttons wait. */
  busyId: string | null;
  onView(workflow: WorkflowSummaryView): void;
  onEdit(workflow: WorkflowSummaryView): void;
  onSetEnabled(workflow: WorkflowSummaryView, enabled: boolean): void;
  onDelete(workflow: WorkflowSummaryView): void;
}

/*
 * Column widths are percentages of the table (ADS DynamicTable), sized for the 760–1,000 px
 * Confluence gives a space-settings page: the four action buttons keep one line and a
 * surname keeps its column, so no word breaks.
 */
const HEAD = {
  cells: [
    { key: 'name', content: 'Name', isSortable: true, width: 15 },
    { key: 'description', content: 'Description', width: 14 },
    { key: 'steps', content: 'Steps', width: 8 },
    { key: 'owners', content: 'Owners', width: 13 },
    { key: 'state', content: 'State', width: 10 },
    { key: 'actions', content: 'Actions', width: 40 },
  ],
};

/** The first owner by name and how many more: a full list would take the column from the name. */
function ownersText(workflow: WorkflowSummaryView): string {
  const [first, ...others] = workflow.owners;
  if (first === undefined) return '—';
  return others.length === 0 ? first.displayName : `${first.displayName} +${others.length}`;
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
      { key: workflow.stepCount, content: <Text>{countOf(workflow.stepCount, 'step')}</Text> },
      { key: 'owners', content: <Text>{ownersText(workflow)}</Text> },
      {
        key: workflow.enabled ? 'enabled' : 'disabled',
        content: workflow.enabled ? <Lozenge appearance="success">Enabled</Lozenge> : <Lozenge>Disabled</Lozenge>,
      },
      { key: 'actions', content: actionsFor(workflow, props) },
    ],
  }));
  // The tab's heading names the table; a caption would repeat it as a second, centred title.
  return <DynamicTable label="Workflows of this space" head={HEAD} rows={rows} isFixedSize />;
}
