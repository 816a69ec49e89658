/**
 * The editor's working copy of the state-entry actions and how it maps to the contract. Like the
 * steps, text is kept as typed (labels as one line, a parent page id as text) and converted once,
 * on save; the contract's schemas then check every field, and the messages come back by path
 * (`workflow.actions.approved.1.target.spaceKey`).
 */
import { type z } from 'zod';
import {
  ACTION_STATES,
  type ActionState,
  type GroupRef,
  type Principal,
  type RecipientVariable,
  type WorkflowAction,
  type WorkflowActions,
  type workflowActionSchema,
} from '../../shared/workflow';

export type ActionType = WorkflowAction['type'];

/** The action types in the order the "Add action" menu offers them: the order they run in. */
export const ACTION_TYPES: readonly { value: ActionType; label: string }[] = [
  { value: 'removeRestrictions', label: 'Remove restrictions' },
  { value: 'addRestrictions', label: 'Add restrictions' },
  { value: 'labels', label: 'Manage labels' },
  { value: 'title', label: 'Modify title' },
  { value: 'setOfficialVersion', label: 'Set official version' },
  { value: 'notify', label: 'Notify' },
  { value: 'publish', label: 'Publish page' },
];

export function actionTypeLabel(type: ActionType): string {
  return ACTION_TYPES.find((entry) => entry.value === type)?.label ?? type;
}

/** Who an action names, split the way the editor asks for them: people, groups, variables. */
export interface PrincipalsDraft {
  users: string[];
  groups: GroupRef[];
  variables: RecipientVariable[];
}

export type TitleMode = Extract<WorkflowAction, { type: 'title' }>['mode'];
export type RestrictionOperation = Extract<WorkflowAction, { type: 'addRestrictions' }>['operation'];
export type PublishTargetKind = 'space' | 'variable';

export type ActionFields =
  | { type: 'removeRestrictions' }
  | { type: 'setOfficialVersion' }
  | ({ type: 'addRestrictions'; operation: RestrictionOperation } & PrincipalsDraft)
  | ({ type: 'notify'; message: string } & PrincipalsDraft)
  | { type: 'labels'; add: string; remove: string }
  | { type: 'title'; mode: TitleMode; value: string; pattern: string }
  | {
      type: 'publish';
      targetKind: PublishTargetKind;
      spaceKey: string;
      parentPageId: string;
      variableName: string;
      includeDescendants: boolean;
      includeAttachments: boolean;
      includeLabels: boolean;
      updateExisting: boolean;
    };

/** One action being edited; `id` only keys it on screen (the contract has no action ids). */
export type ActionDraft = ActionFields & { id: string };

export type ActionsDraft = Record<ActionState, ActionDraft[]>;

export type ActionInput = z.input<typeof workflowActionSchema>;

let actionCounter = 0;

function newActionId(): string {
  actionCounter += 1;
  return `action-${Date.now().toString(36)}-${actionCounter}`;
}

const NO_PRINCIPALS: PrincipalsDraft = { users: [], groups: [], variables: [] };

/** A new action of `type` with the defaults a space admin most often wants. */
export function emptyAction(type: ActionType): ActionDraft {
  const id = newActionId();
  switch (type) {
    case 'removeRestrictions':
    case 'setOfficialVersion':
      return { id, type };
    case 'addRestrictions':
      return { id, type, operation: 'update', ...NO_PRINCIPALS };
    case 'notify':
      return { id, type, message: '', ...NO_PRINCIPALS };
    case 'labels':
      return { id, type, add: '', remove: '' };
    case 'title':
      return { id, type, mode: 'prefix', value: '', pattern: '' };
    case 'publish':
      return {
        id,
        type,
        targetKind: 'space',
        spaceKey: '',
        parentPageId: '',
        variableName: '',
        includeDescendants: false,
        includeAttachments: false,
        includeLabels: false,
        updateExisting: true,
      };
  }
}

function principalsDraft(principals: readonly Principal[]): PrincipalsDraft {
  return {
    users: principals.flatMap((p) => (p.type === 'user' ? [p.accountId] : [])),
    groups: principals.flatMap((p) => (p.type === 'group' ? [p] : [])),
    variables: principals.flatMap((p) => (p.type === 'variable' ? [p.variable] : [])),
  };
}

function principalsOf(draft: PrincipalsDraft): Principal[] {
  return [
    ...draft.users.map((accountId) => ({ type: 'user' as const, accountId })),
    ...draft.groups,
    ...draft.variables.map((variable) => ({ type: 'variable' as const, variable })),
  ];
}

export function actionDraft(action: WorkflowAction): ActionDraft {
  const id = newActionId();
  switch (action.type) {
    case 'removeRestrictions':
    case 'setOfficialVersion':
      return { id, type: action.type };
    case 'addRestrictions':
      return { id, type: action.type, operation: action.operation, ...principalsDraft(action.principals) };
    case 'notify':
      return { id, type: action.type, message: action.message, ...principalsDraft(action.recipients) };
    case 'labels':
      return { id, type: action.type, add: action.add.join(' '), remove: action.remove.join(' ') };
    case 'title':
      return { id, type: action.type, mode: action.mode, value: action.value, pattern: action.pattern ?? '' };
    case 'publish':
      return {
        id,
        type: action.type,
        targetKind: action.target.type,
        spaceKey: action.target.type === 'space' ? action.target.spaceKey : '',
        parentPageId: action.target.type === 'space' ? (action.target.parentPageId ?? '') : '',
        variableName: action.target.type === 'variable' ? action.target.name : '',
        includeDescendants: action.includeDescendants,
        includeAttachments: action.includeAttachments,
        includeLabels: action.includeLabels,
        updateExisting: action.updateExisting,
      };
  }
}

export function actionsDraft(actions: WorkflowActions): ActionsDraft {
  return Object.fromEntries(ACTION_STATES.map((state) => [state, actions[state].map(actionDraft)])) as ActionsDraft;
}

export function emptyActionsDraft(): ActionsDraft {
  return { inApproval: [], approved: [], changesRequested: [], expired: [], draft: [] };
}

/** Labels cannot contain spaces or commas (Confluence refuses them), so either separates them. */
export function labelsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter((label) => label !== '');
}

/** Why a pattern does not compile, in the browser's words, or null when it does: the title preview's guard. */
export function patternProblem(pattern: string): string | null {
  try {
    new RegExp(pattern, 'g');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The contract's shape of one action. Whether it makes sense (a label to add or remove, a pattern
 * that compiles, a state it may run in) is the back end's workflow validation: rules live once.
 */
export function toActionInput(draft: ActionDraft): ActionInput {
  switch (draft.type) {
    case 'removeRestrictions':
    case 'setOfficialVersion':
      return { type: draft.type };
    case 'addRestrictions':
      return { type: draft.type, operation: draft.operation, principals: principalsOf(draft) };
    case 'notify':
      return { type: draft.type, recipients: principalsOf(draft), message: draft.message };
    case 'labels':
      return { type: draft.type, add: labelsOf(draft.add), remove: labelsOf(draft.remove) };
    case 'title':
      return draft.mode === 'regex' ? { type: draft.type, mode: draft.mode, value: draft.value, pattern: draft.pattern } : { type: draft.type, mode: draft.mode, value: draft.value };
    case 'publish': {
      const parentPageId = draft.parentPageId.trim();
      return {
        type: draft.type,
        target:
          draft.targetKind === 'space'
            ? { type: 'space', spaceKey: draft.spaceKey.trim(), ...(parentPageId === '' ? {} : { parentPageId }) }
            : { type: 'variable', name: draft.variableName },
        includeDescendants: draft.includeDescendants,
        includeAttachments: draft.includeAttachments,
        includeLabels: draft.includeLabels,
        updateExisting: draft.updateExisting,
      };
    }
  }
}
