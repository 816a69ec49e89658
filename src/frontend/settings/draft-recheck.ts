/**
 * Which field messages of a refused save still apply after an edit. A message disappears as
 * soon as the field it names is fixed, so the person sees what is left to do; messages about
 * fields not touched stay until the next save, which checks everything again.
 */
import { type ActionState } from '../../shared/workflow';
import { type ActionDraft } from './action-draft';
import { type StepDraft, toEditorWorkflow, type WorkflowDraft } from './draft';
import { settingsContract } from '../../shared/contract';
import { fieldsOf } from '../shared/api';

type FieldMessages = Readonly<Record<string, string>>;

const DRAFT_PATHS: Partial<Record<keyof WorkflowDraft, string>> = {
  name: 'workflow.name',
  description: 'workflow.description',
  owners: 'workflow.owners',
  selfApproval: 'workflow.options.selfApproval',
  autoSubmitOnEdit: 'workflow.options.autoSubmitOnEdit',
  validityDays: 'workflow.options.validityDays',
  onEditDuringReview: 'workflow.options.onEditDuringReview',
  editsThatOutdate: 'workflow.options.editsThatOutdate',
  steps: 'workflow.steps',
};

const STEP_PATHS: Record<Exclude<keyof StepDraft, 'id'>, readonly string[]> = {
  name: ['name', 'id'],
  userApprovers: ['approvers'],
  groupApprovers: ['approvers'],
  ruleKind: ['rule'],
  ruleCount: ['rule'],
  rejectionsToFail: ['rejectionsToFail'],
  dueDays: ['dueDays'],
};

/** The message paths an edit of the workflow's own fields touches. */
export function pathsOfEdit(patch: Partial<WorkflowDraft>): string[] {
  return Object.keys(patch).flatMap((key) => {
    const path = DRAFT_PATHS[key as keyof WorkflowDraft];
    return path === undefined ? [] : [path];
  });
}

/** The message paths an edit of one step touches. */
export function pathsOfStepEdit(index: number, before: StepDraft, after: StepDraft): string[] {
  return (Object.keys(STEP_PATHS) as (keyof typeof STEP_PATHS)[])
    .filter((key) => before[key] !== after[key])
    .flatMap((key) => STEP_PATHS[key].map((field) => `workflow.steps.${index}.${field}`));
}

/**
 * The contract's field under an action that each draft field feeds; a draft field missing here
 * has the contract's name. People, groups and variables are one list in the contract.
 */
function actionFieldPaths(action: ActionDraft, key: string): readonly string[] {
  switch (key) {
    case 'users':
    case 'groups':
    case 'variables':
      return [action.type === 'notify' ? 'recipients' : 'principals'];
    case 'mode':
      return ['mode', 'value', 'pattern'];
    case 'targetKind':
    case 'spaceKey':
    case 'variableName':
      return ['target'];
    case 'parentPageId':
      return ['target.parentPageId'];
    default:
      return [key];
  }
}

/** The message paths an edit of one action touches. */
export function pathsOfActionEdit(state: ActionState, index: number, before: ActionDraft, after: ActionDraft): string[] {
  const at = `workflow.actions.${state}.${index}`;
  const keys = Object.keys(after) as (keyof ActionDraft)[];
  return keys.filter((key) => before[key] !== after[key]).flatMap((key) => actionFieldPaths(after, key).map((field) => `${at}.${field}`));
}

/**
 * What the editor can tell without asking the back end: the contract's checks and, where the
 * draft's own conversion refused a field, its message (the contract saw a stand-in there).
 */
export function draftProblems(draft: WorkflowDraft): FieldMessages {
  const converted = toEditorWorkflow(draft);
  const checked = settingsContract.createWorkflow.safeParse({ workflow: converted.workflow });
  return { ...(checked.success ? {} : fieldsOf(checked.error.issues)), ...converted.fields };
}

const touches = (edited: readonly string[], key: string): boolean => edited.some((path) => key === path || key.startsWith(`${path}.`));

/**
 * The messages left once `edited` paths changed in `draft`: a touched field keeps a message only
 * while the draft's own checks still find one (the current wording); nothing new is added while
 * the person types.
 */
export function recheckedMessages(fields: FieldMessages, draft: WorkflowDraft, edited: readonly string[]): Record<string, string> {
  const touched = Object.keys(fields).filter((key) => touches(edited, key));
  if (touched.length === 0) return { ...fields };
  const local = draftProblems(draft);
  const left: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (!touched.includes(key)) left[key] = message;
    else if (key in local) left[key] = local[key];
  }
  return left;
}
