import type React from 'react';
import { useState } from 'react';
import { Button, Heading, Inline, Stack } from '@forge/react';
import { type WorkflowListView, type WorkflowSummaryView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { DefaultWorkflowPicker } from './default-workflow-picker';
import { DeleteWorkflowModal } from './delete-workflow-modal';
import { ApiErrorMessage } from '../shared/api-error-message';
import { EmptyNote } from '../shared/empty-note';
import { LoadingBlock } from '../shared/loading-block';
import { type ApiResource } from '../shared/use-api-resource';
import { successFlag as flag } from './flag';
import { callSettings } from './settings-api';
import { CreateWorkflow, EditWorkflow } from './workflow-editor';
import { WorkflowDetails } from './workflow-details';
import { ReadersBannerSetting } from './readers-banner-setting';
import { SpaceVariablesSetting } from './space-variables-setting';
import { WorkflowCreatorsSetting } from './workflow-creators-setting';
import { WorkflowTable } from './workflow-table';

type View = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; workflowId: string } | { kind: 'view'; workflowId: string };

interface Props {
  workflows: ApiResource<WorkflowListView>;
  /** Reloads the list showing this workflow as it is now, even before the space's index does. */
  reloadAfterChange(workflowId: string): Promise<void>;
}

/** The Workflows tab: the list, the space default, and the editor and details views it opens. */
export function WorkflowsTab({ workflows, reloadAfterChange }: Props): React.JSX.Element {
  const [view, setView] = useState<View>({ kind: 'list' });
  const [deleting, setDeleting] = useState<WorkflowSummaryView | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const { data: list, error, reload, replace } = workflows;

  const backToList = (workflowId: string) => {
    setView({ kind: 'list' });
    void reloadAfterChange(workflowId);
  };

  const isSpaceAdmin = list?.isSpaceAdmin === true;
  if (view.kind === 'create') {
    return (
      <CreateWorkflow
        isSpaceAdmin={isSpaceAdmin}
        onCancel={() => setView({ kind: 'list' })}
        onSaved={(detail) => {
          flag('Workflow created', `${detail.workflow.name} can now be assigned to pages.`);
          backToList(detail.workflow.id);
        }}
      />
    );
  }
  if (view.kind === 'edit') {
    return (
      <EditWorkflow
        workflowId={view.workflowId}
        isSpaceAdmin={isSpaceAdmin}
        onCancel={() => setView({ kind: 'list' })}
        onSaved={(detail) => {
          flag('Workflow saved', `Pages submitted from now on use the new version of ${detail.workflow.name}.`);
          backToList(detail.workflow.id);
        }}
      />
    );
  }
  if (view.kind === 'view') {
    const summary = list?.workflows.find((w) => w.id === view.workflowId);
    return (
      <WorkflowDetails
        workflowId={view.workflowId}
        isDefault={summary?.isDefault ?? false}
        onBack={() => setView({ kind: 'list' })}
        onEdit={() => setView({ kind: 'edit', workflowId: view.workflowId })}
      />
    );
  }

  if (list === undefined) {
    if (error !== undefined) return <ApiErrorMessage error={error} title="The workflows could not be loaded" actions={[{ label: 'Try again', onClick: reload }]} />;
    return <LoadingBlock label="Loading workflows" />;
  }

  const setEnabled = async (workflow: WorkflowSummaryView, enabled: boolean) => {
    setBusyId(workflow.id);
    setFailure(null);
    const result = await callSettings('setWorkflowEnabled', { workflowId: workflow.id, enabled });
    setBusyId(null);
    if (!result.ok) {
      setFailure(result.error);
      return;
    }
    flag(enabled ? 'Workflow enabled' : 'Workflow disabled', enabled ? undefined : 'Pages already in approval finish; no new requests start with it.');
    void reloadAfterChange(workflow.id);
  };

  // Shown disabled rather than hidden when the space keeps creation to its admins: the setting's text says why.
  const createButton = (
    <Button appearance="primary" isDisabled={!list.canCreate} onClick={() => setView({ kind: 'create' })}>
      Create workflow
    </Button>
  );
  return (
    <Stack space="space.300">
      <Inline spread="space-between" alignBlock="center">
        <Heading as="h2">Workflows</Heading>
        {list.workflows.length > 0 ? createButton : null}
      </Inline>
      {error === undefined ? null : <ApiErrorMessage error={error} title="The list could not be refreshed" actions={[{ label: 'Try again', onClick: reload }]} />}
      {failure === null ? null : <ApiErrorMessage error={failure} />}
      <WorkflowCreatorsSetting list={list} onChanged={replace} />
      <ReadersBannerSetting list={list} onChanged={replace} />
      {list.isSpaceAdmin ? <SpaceVariablesSetting /> : null}
      {list.workflows.length === 0 ? (
        <Stack space="space.200" alignInline="center">
          <EmptyNote
            header="No workflows yet"
            description="A workflow names who approves pages in this space, in which steps and by which rule. Create one, then make it the space default or assign it to pages."
          />
          {createButton}
        </Stack>
      ) : (
        <>
          <DefaultWorkflowPicker list={list} onChanged={replace} />
          <WorkflowTable
            workflows={list.workflows}
            busyId={busyId}
            onView={(w) => setView({ kind: 'view', workflowId: w.id })}
            onEdit={(w) => setView({ kind: 'edit', workflowId: w.id })}
            onSetEnabled={setEnabled}
            onDelete={setDeleting}
          />
        </>
      )}
      {deleting === null ? null : (
        <DeleteWorkflowModal
          workflow={deleting}
          onClose={() => setDeleting(null)}
          onDone={(outcome) => {
            flag(outcome === 'deleted' ? 'Workflow deleted' : 'Workflow disabled', deleting.name);
            setDeleting(null);
            void reloadAfterChange(deleting.id);
          }}
        />
      )}
    </Stack>
  );
}
