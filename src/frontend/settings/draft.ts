/**
 * The workflow editor's working copy and how it maps to the contract. Numbers are kept as the
 * text the admin typed, so a half-typed "1" or an empty field never turns into NaN on screen;
 * they are checked and converted once, when the admin saves.
 */
import { type z } from 'zod';
import { type settingsContract } from '../../shared/contract';
import { ACTION_STATES, type ApproverRef, type EditsThatOutdate, type GroupRef, type StepRule, type Workflow } from '../../shared/workflow';
import { type ActionsDraft, actionsDraft, emptyActionsDraft, toActionInput } from './action-draft';

export type RuleKind = StepRule['kind'];
export type OnEditDuringReview = 'keep' | 'restart';

export interface StepDraft {
  /** Kept across edits: running requests and audit entries refer to steps by id. */
  id: string;
  name: string;
  userApprovers: string[];
  groupApprovers: GroupRef[];
  ruleKind: RuleKind;
  ruleCount: string;
  rejectionsToFail: string;
  dueDays: string;
}

export interface WorkflowDraft {
  name: string;
  description: string;
  owners: string[];
  steps: StepDraft[];
  selfApproval: boolean;
  autoSubmitOnEdit: boolean;
  validityDays: string;
  onEditDuringReview: OnEditDuringReview;
  editsThatOutdate: EditsThatOutdate;
  /** Per state, in the order they are listed (the runner still runs them in its three phases). */
  actions: ActionsDraft;
}

export type EditorWorkflow = z.input<typeof settingsContract.createWorkflow>['workflow'];

/** Field path (as the server names it, e.g. `workflow.steps.1.rule.count`) → its message. */
export type FieldMessages = Readonly<Record<string, string>>;

let stepCounter = 0;

/** A step id unique within the workflow; the server only requires uniqueness there. */
export function newStepId(): string {
  stepCounter += 1;
  return `step-${Date.now().toString(36)}-${stepCounter}`;
}

export function emptyStep(position: number): StepDraft {
  return {
    id: newStepId(),
    name: position === 1 ? 'Review' : `Step ${position}`,
    userApprovers: [],
    groupApprovers: [],
    ruleKind: 'any',
    ruleCount: '2',
    rejectionsToFail: '1',
    dueDays: '',
  };
}

export function emptyDraft(creatorId: string | undefined): WorkflowDraft {
  return {
    name: '',
    description: '',
    owners: creatorId === undefined ? [] : [creatorId],
    steps: [emptyStep(1)],
    selfApproval: false,
    autoSubmitOnEdit: false,
    validityDays: '',
    onEditDuringReview: 'keep',
    editsThatOutdate: 'every',
    actions: emptyActionsDraft(),
  };
}

export function draftFromWorkflow(workflow: Workflow): WorkflowDraft {
  return {
    name: workflow.name,
    description: workflow.description,
    owners: [...workflow.owners],
    steps: workflow.steps.map((step) => ({
      id: step.id,
      name: step.name,
      userApprovers: step.approvers.flatMap((a) => (a.type === 'user' ? [a.accountId] : [])),
      groupApprovers: step.approvers.flatMap((a) => (a.type === 'group' ? [a] : [])),
      ruleKind: step.rule.kind,
      ruleCount: step.rule.kind === 'atLeast' ? String(step.rule.count) : '2',
      rejectionsToFail: String(step.rejectionsToFail),
      dueDays: step.dueDays === undefined ? '' : String(step.dueDays),
    })),
    selfApproval: workflow.options.selfApproval,
    autoSubmitOnEdit: workflow.options.autoSubmitOnEdit,
    validityDays: workflow.options.validityDays === null ? '' : String(workflow.options.validityDays),
    onEditDuringReview: workflow.options.onEditDuringReview,
    editsThatOutdate: workflow.options.editsThatOutdate,
    actions: actionsDraft(workflow.actions),
  };
}

const WHOLE_NUMBER = /^\d+$/;

type Parsed = { ok: true; value: number | undefined } | { ok: false };

/** Empty means "not set" where the field is optional; anything but digits is refused here. */
function parseWhole(text: string): Parsed {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  return WHOLE_NUMBER.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
}

/** `fields` empty: `workflow` is what to send. Otherwise it is a stand-in, good for the contract's other checks. */
export interface DraftConversion {
  workflow: EditorWorkflow;
  fields: FieldMessages;
}

/**
 * The payload for create/update, and the number fields that are not whole numbers (with the
 * server's path for each, so they show where server messages show).
 */
export function toEditorWorkflow(draft: WorkflowDraft): DraftConversion {
  const fields: Record<string, string> = {};
  const whole = (text: string, path: string, what: string, required: boolean): number | undefined => {
    const parsed = parseWhole(text);
    if (!parsed.ok) fields[path] = `${what} must be a whole number`;
    else if (required && parsed.value === undefined) fields[path] = `${what} is required`;
    return parsed.ok ? parsed.value : undefined;
  };
  const steps = draft.steps.map((step, index) => {
    const at = `workflow.steps.${index}`;
    const label = `Step ${index + 1}: `;
    const approvers: ApproverRef[] = [
      ...step.userApprovers.map((accountId) => ({ type: 'user' as const, accountId })),
      ...step.groupApprovers,
    ];
    const count = step.ruleKind === 'atLeast' ? whole(step.ruleCount, `${at}.rule.count`, `${label}the number of approvals`, true) : undefined;
    const rule: StepRule = step.ruleKind === 'atLeast' ? { kind: 'atLeast', count: count ?? 1 } : { kind: step.ruleKind };
    const rejectionsToFail = whole(step.rejectionsToFail, `${at}.rejectionsToFail`, `${label}rejections to fail`, true);
    const dueDays = whole(step.dueDays, `${at}.dueDays`, `${label}due days`, false);
    return {
      id: step.id,
      name: step.name,
      approvers,
      rule,
      rejectionsToFail: rejectionsToFail ?? 1,
      ...(dueDays === undefined ? {} : { dueDays }),
    };
  });
  const validityDays = whole(draft.validityDays, 'workflow.options.validityDays', 'Validity', false);
  const actions = Object.fromEntries(ACTION_STATES.map((state) => [state, draft.actions[state].map(toActionInput)]));
  return {
    fields,
    workflow: {
      name: draft.name,
      description: draft.description,
      owners: draft.owners,
      steps,
      options: {
        selfApproval: draft.selfApproval,
        autoSubmitOnEdit: draft.autoSubmitOnEdit,
        validityDays: validityDays ?? null,
        onEditDuringReview: draft.onEditDuringReview,
        editsThatOutdate: draft.editsThatOutdate,
      },
      actions,
    },
  };
}

/** Messages for a field and, with `includeNested`, everything under it (`…approvers` also gets `…approvers.1`). */
export function messagesAt(fields: FieldMessages, path: string, includeNested = false): string[] {
  return Object.entries(fields).flatMap(([key, message]) => (key === path || (includeNested && key.startsWith(`${path}.`)) ? [message] : []));
}

/**
 * The React key of a step's or an action's card. It changes with the position, so a move
 * re-creates the cards rather than moving them: @forge/react's reconciler (insertBefore in
 * out/reconciler.js) takes the target index before taking the moved card out, which puts a card
 * that moves down one place too far, after the cards that follow it.
 */
export function cardKey(id: string, index: number): string {
  return `${id}@${index}`;
}

/** A step or an action moved one place up or down; at either end the list stays as it is. */
export function moveEntry<T>(entries: readonly T[], index: number, offset: -1 | 1): T[] {
  const target = index + offset;
  if (target < 0 || target >= entries.length) return [...entries];
  const next = [...entries];
  [next[index], next[target]] = [next[target], next[index]];
  return next;
}
