/**
 * Which field messages of a refused save still apply after an edit. A message disappears as
 * soon as the field it names is fixed, so the person sees what is left to do; messages about
 * fields not touched stay until the next save, which checks everything again.
 */
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

/** What the editor can tell without asking the back end: the draft's own conversion, then the contract's checks. */
function localProblems(draft: WorkflowDraft): FieldMessages {
  const converted = toEditorWorkflow(draft);
  if (!converted.ok) return converted.fields;
  const checked = settingsContract.createWorkflow.safeParse({ workflow: converted.workflow });
  return checked.success ? {} : fieldsOf(checked.error.issues);
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
  const local = localProblems(draft);
  const left: Record<string, string> = {};
  for (const [key, message] of Object.entries(fields)) {
    if (!touched.includes(key)) left[key] = message;
    else if (key in local) left[key] = local[key];
  }
  return left;
}
