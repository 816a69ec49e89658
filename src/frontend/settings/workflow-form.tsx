import type React from 'react';
import { useState } from 'react';
import {
  Button,
  ButtonGroup,
  Form,
  FormFooter,
  FormHeader,
  FormSection,
  Label,
  LoadingButton,
  RequiredAsterisk,
  Stack,
  TextArea,
  Textfield,
  UserPicker,
} from '@forge/react';
import { type WorkflowDetailView } from '../../shared/contract';
import { type ApiFailure } from '../shared/api';
import { type ActionState } from '../../shared/workflow';
import { type ActionDraft } from './action-draft';
import { ActionsFields } from './actions-fields';
import { cardKey, emptyStep, messagesAt, moveEntry, type StepDraft, toEditorWorkflow, type WorkflowDraft } from './draft';
import { draftProblems, pathsOfActionEdit, pathsOfEdit, pathsOfStepEdit, recheckedMessages } from './draft-recheck';
import { FieldMessages } from './field-messages';
import { OptionsFields } from './options-fields';
import { type SelfApprovalControl } from './self-approval-control';
import { accountIdsOf } from './pickers';
import { SaveFailure } from './save-failure';
import { callSettings } from './settings-api';
import { StepFields } from './step-fields';
import { useGroupSearch } from './use-group-search';
import { useSpaceVariableNames } from './use-space-variables';

/** What is being edited: a new workflow, or a saved one at the revision the editor loaded. */
export type EditTarget = { kind: 'create' } | { kind: 'update'; workflowId: string; revision: number };

interface Props {
  target: EditTarget;
  initial: WorkflowDraft;
  selfApproval: SelfApprovalControl;
  onSaved(detail: WorkflowDetailView): void;
  onCancel(): void;
  /** Loads the saved workflow again; offered when someone else saved it first. */
  onReload?: () => void;
}

const NO_FIELDS = {};

/**
 * The workflow editor. The draft lives in React state rather than in `useForm` because steps are
 * added, removed and reordered; the back end checks everything on save and its messages are
 * shown under the fields they name (paths such as `workflow.steps.1.rule.count`).
 */
export function WorkflowForm({ target, initial, selfApproval, onSaved, onCancel, onReload }: Props): React.JSX.Element {
  const [draft, setDraft] = useState(initial);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const groups = useGroupSearch();
  const spaceVariables = useSpaceVariableNames();
  const fields = failure?.fields ?? NO_FIELDS;

  const edit = (next: WorkflowDraft, edited: readonly string[]) => {
    setDraft(next);
    if (failure?.code !== 'VALIDATION') return;
    const left = recheckedMessages(failure.fields, next, edited);
    setFailure(Object.keys(left).length === 0 ? null : { ...failure, fields: left });
  };
  const change = (patch: Partial<WorkflowDraft>) => edit({ ...draft, ...patch }, pathsOfEdit(patch));
  // Moving or removing a step renumbers the steps, so messages that name a step by number would point at the wrong one.
  const restructure = (steps: StepDraft[]) => {
    setFailure(null);
    setDraft({ ...draft, steps });
  };
  const changeStep = (index: number, step: StepDraft) =>
    edit({ ...draft, steps: draft.steps.map((s, i) => (i === index ? step : s)) }, pathsOfStepEdit(index, draft.steps[index], step));
  const withActions = (state: ActionState, actions: ActionDraft[]): WorkflowDraft => ({ ...draft, actions: { ...draft.actions, [state]: actions } });
  const changeAction = (state: ActionState, index: number, action: ActionDraft) =>
    edit(withActions(state, draft.actions[state].map((a, i) => (i === index ? action : a))), pathsOfActionEdit(state, index, draft.actions[state][index], action));
  // As with steps: messages naming an action by number would point at the wrong one once the list is renumbered.
  const restructureActions = (state: ActionState, actions: ActionDraft[]) => {
    setFailure(null);
    setDraft(withActions(state, actions));
  };

  const save = async () => {
    const converted = toEditorWorkflow(draft);
    if (Object.keys(converted.fields).length > 0) {
      // With the contract's checks too, so every problem shows at once rather than the conversion's first.
      const problems = draftProblems(draft);
      setFailure({ code: 'VALIDATION', message: Object.values(problems)[0] ?? '', fields: problems });
      return;
    }
    setSaving(true);
    setFailure(null);
    const result =
      target.kind === 'create'
        ? await callSettings('createWorkflow', { workflow: converted.workflow })
        : await callSettings('updateWorkflow', { workflowId: target.workflowId, revision: target.revision, workflow: converted.workflow });
    setSaving(false);
    if (result.ok) onSaved(result.data);
    else setFailure(result.error);
  };

  return (
    <Form onSubmit={save}>
      <FormHeader
        title={target.kind === 'create' ? 'New workflow' : 'Edit workflow'}
        description="Required fields are marked with an asterisk. Pages already in approval keep the version of the workflow they were submitted with."
      />
      <FormSection title="Details">
        <Stack space="space.200">
          <Stack space="space.050">
            <Label labelFor="workflow-name">
              Name
              <RequiredAsterisk />
            </Label>
            <Textfield
              id="workflow-name"
              value={draft.name}
              isInvalid={messagesAt(fields, 'workflow.name').length > 0}
              onChange={(e) => change({ name: String(e.target.value ?? '') })}
            />
            <FieldMessages messages={messagesAt(fields, 'workflow.name')} />
          </Stack>
          <Stack space="space.050">
            <Label labelFor="workflow-description">Description</Label>
            <TextArea
              id="workflow-description"
              value={draft.description}
              isInvalid={messagesAt(fields, 'workflow.description').length > 0}
              onChange={(e) => change({ description: String(e.target.value ?? '') })}
            />
            <FieldMessages messages={messagesAt(fields, 'workflow.description')} helper="Tells authors when to pick this workflow." />
          </Stack>
          <Stack space="space.050">
            <UserPicker
              isMulti
              isRequired
              label="Owners"
              name="workflow-owners"
              placeholder="Search for people"
              defaultValue={draft.owners}
              onChange={(value) => change({ owners: accountIdsOf(value) })}
            />
            <FieldMessages
              messages={messagesAt(fields, 'workflow.owners', true)}
              helper="Owners and space admins can edit, disable and delete this workflow. Whoever creates a workflow is always an owner."
            />
          </Stack>
        </Stack>
      </FormSection>

      <FormSection title="Steps" description="Pages go through the steps in order; each step needs its rule met before the next one starts.">
        <FieldMessages messages={messagesAt(fields, 'workflow.steps')} />
      </FormSection>
      {draft.steps.map((step, index) => (
        <StepFields
          key={cardKey(step.id, index)}
          step={step}
          index={index}
          count={draft.steps.length}
          fields={fields}
          groups={groups}
          onChange={(next) => changeStep(index, next)}
          onMove={(offset) => restructure(moveEntry(draft.steps, index, offset))}
          onRemove={() => restructure(draft.steps.filter((_, i) => i !== index))}
        />
      ))}
      <Stack space="space.050" alignInline="start">
        <Button iconBefore="add" onClick={() => change({ steps: [...draft.steps, emptyStep(draft.steps.length + 1)] })}>
          Add step
        </Button>
      </Stack>

      <OptionsFields draft={draft} fields={fields} selfApproval={selfApproval} onChange={change} />

      <ActionsFields
        actions={draft.actions}
        fields={fields}
        groups={groups}
        spaceVariables={spaceVariables}
        onChange={changeAction}
        onAdd={(state, action) => edit(withActions(state, [...draft.actions[state], action]), [])}
        onRestructure={restructureActions}
      />

      {/* Next to the Save button, where the person is when saving is refused; each problem is also under its field. */}
      {failure === null ? null : <SaveFailure failure={failure} onReload={onReload} />}
      <FormFooter>
        <ButtonGroup label="Save or cancel">
          <Button appearance="subtle" onClick={onCancel}>
            Cancel
          </Button>
          <LoadingButton appearance="primary" type="submit" isLoading={saving}>
            {target.kind === 'create' ? 'Create workflow' : 'Save changes'}
          </LoadingButton>
        </ButtonGroup>
      </FormFooter>
    </Form>
  );
}
