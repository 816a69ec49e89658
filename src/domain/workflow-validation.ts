/**
 * Validates a workflow as the editor submits it: the schema's field rules plus the rules that
 * relate several fields. Every issue carries the path of the field it belongs to, so the editor
 * can show the message next to that field, and a message that names the step or action.
 */
import { type z } from 'zod';
import {
  ACTION_STATES,
  type ActionState,
  type ApproverRef,
  type Step,
  type WorkflowAction,
  type WorkflowInput,
  workflowInputSchema,
} from '../shared/workflow';
import { WORKFLOW_MAX_BYTES } from '../shared/limits';
import { STATUS_LABELS } from '../shared/status';
import { capitalise, countOf, lowerFirst } from '../shared/wording';
import { requiredApprovals } from './step-rule';

export type IssuePath = (string | number)[];

export interface ValidationIssue {
  path: IssuePath;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

export interface WorkflowValidationContext {
  /** Resolved member counts by group id; a group missing here has an unknown size. */
  groupSizes?: Readonly<Record<string, number>>;
}

export function validateWorkflow(
  input: unknown,
  context: WorkflowValidationContext = {},
): ValidationResult<WorkflowInput> {
  const parsed = workflowInputSchema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map(fromZodIssue) };
  }
  const issues = [
    ...stepIssues(parsed.data.steps, context.groupSizes ?? {}),
    ...actionIssues(parsed.data.actions),
    ...sizeIssues(parsed.data),
  ];
  return issues.length === 0 ? { ok: true, value: parsed.data } : { ok: false, issues };
}

function fromZodIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.map((segment) => (typeof segment === 'number' ? segment : String(segment)));
  return issueAt(path, issue.message);
}

/** "Step 2: " or "On Approved, action 1: " so a message read out of context still says where. */
function locate(path: IssuePath): string {
  const [section, key, index] = path;
  if (section === 'steps' && typeof key === 'number') return `Step ${key + 1}: `;
  const state = ACTION_STATES.find((known) => known === key);
  if (section === 'actions' && state !== undefined && typeof index === 'number') return `On ${STATUS_LABELS[state]}, action ${index + 1}: `;
  return '';
}

/** An issue at `path`, its message led by where it is ("On Approved, action 2: …"). */
export function issueAt(path: IssuePath, message: string): ValidationIssue {
  const where = locate(path);
  const text = where === '' ? capitalise(message) : lowerFirst(message);
  return { path, message: `${where}${text}` };
}

function stepIssues(steps: readonly Step[], groupSizes: Readonly<Record<string, number>>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const firstStepById = new Map<string, number>();
  const firstStepByName = new Map<string, number>();
  steps.forEach((step, index) => {
    const earlierId = firstStepById.get(step.id);
    if (earlierId === undefined) firstStepById.set(step.id, index);
    else issues.push(issueAt(['steps', index, 'id'], `has the same id as step ${earlierId + 1}`));

    const nameKey = step.name.toLocaleLowerCase();
    const earlierName = firstStepByName.get(nameKey);
    if (earlierName === undefined) firstStepByName.set(nameKey, index);
    else issues.push(issueAt(['steps', index, 'name'], `step ${earlierName + 1} is already named '${steps[earlierName]?.name}'`));

    issues.push(...duplicateApproverIssues(step, index), ...capacityIssues(step, index, groupSizes));
  });
  return issues;
}

function approverKey(approver: ApproverRef): string {
  return approver.type === 'user' ? `user:${approver.accountId}` : `group:${approver.groupId}`;
}

function duplicateApproverIssues(step: Step, stepIndex: number): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  step.approvers.forEach((approver, approverIndex) => {
    const key = approverKey(approver);
    if (!seen.has(key)) {
      seen.add(key);
      return;
    }
    const what = approver.type === 'group' ? `group '${approver.name}'` : 'the same user';
    issues.push(issueAt(['steps', stepIndex, 'approvers', approverIndex], `${what} is listed more than once`));
  });
  return issues;
}

/**
 * How many people can possibly decide on the step, or null when a group's size is unknown: the
 * group may be large enough, so the editor must not block on it. A user who is also a member of a
 * listed group is counted twice because membership is not known here: this is an upper bound.
 */
function approverCapacity(step: Step, groupSizes: Readonly<Record<string, number>>): number | null {
  const users = new Set<string>();
  const groups = new Map<string, number>();
  for (const approver of step.approvers) {
    if (approver.type === 'user') {
      users.add(approver.accountId);
      continue;
    }
    const size = groupSizes[approver.groupId];
    if (size === undefined) return null;
    groups.set(approver.groupId, size);
  }
  let capacity = users.size;
  for (const size of groups.values()) capacity += size;
  return capacity;
}

function capacityIssues(step: Step, index: number, groupSizes: Readonly<Record<string, number>>): ValidationIssue[] {
  const capacity = approverCapacity(step, groupSizes);
  if (capacity === null) return [];
  const issues: ValidationIssue[] = [];
  const required = requiredApprovals(step.rule, capacity);
  if (capacity === 0) {
    issues.push(issueAt(['steps', index, 'approvers'], 'nobody can approve: the groups of this step have no members'));
  } else if (step.rule.kind === 'atLeast' && required > capacity) {
    issues.push(
      issueAt(
        ['steps', index, 'rule', 'count'],
        `at least ${required} approvals required but only ${countOf(capacity, 'approver')} can approve`,
      ),
    );
  }
  if (capacity > 0 && step.rejectionsToFail > capacity) {
    issues.push(
      issueAt(
        ['steps', index, 'rejectionsToFail'],
        `rejections to fail (${step.rejectionsToFail}) cannot exceed the number of approvers (${capacity})`,
      ),
    );
  }
  return issues;
}

function actionIssues(actions: WorkflowInput['actions']): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const state of ACTION_STATES) {
    actions[state].forEach((action, index) => issues.push(...singleActionIssues(action, ['actions', state, index]), ...stateIssues(action, state, index)));
    issues.push(...duplicatePublishIssues(actions[state], state));
  }
  return issues;
}

/**
 * The official version is the version just approved: only entering Approved has one. Publishing
 * is refused on Draft only: a withdrawn page was taken back by its author, so copying it out
 * would publish what they withdrew (on In Approval a review copy, on Expired an archive copy make sense).
 */
function stateIssues(action: WorkflowAction, state: ActionState, index: number): ValidationIssue[] {
  if (action.type === 'setOfficialVersion' && state !== 'approved') {
    return [issueAt(['actions', state, index, 'type'], 'the official version can be set only on entering Approved, the state that has a version just approved')];
  }
  if (action.type === 'publish' && state === 'draft') {
    return [issueAt(['actions', state, index, 'type'], 'a withdrawn page is not published: its author took it back')];
  }
  return [];
}

function publishTargetKey(target: Extract<WorkflowAction, { type: 'publish' }>['target']): string {
  return target.type === 'space' ? `space:${target.spaceKey}:${target.parentPageId ?? ''}` : `variable:${target.name.toLowerCase()}`;
}

/** Two publish actions to one place would update one copy twice per run. */
function duplicatePublishIssues(actions: readonly WorkflowAction[], state: ActionState): ValidationIssue[] {
  const first = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  actions.forEach((action, index) => {
    if (action.type !== 'publish') return;
    const key = publishTargetKey(action.target);
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, index);
    else issues.push(issueAt(['actions', state, index, 'target'], `action ${earlier + 1} already publishes to the same place`));
  });
  return issues;
}

function singleActionIssues(action: WorkflowAction, path: IssuePath): ValidationIssue[] {
  switch (action.type) {
    case 'title':
      return titleActionIssues(action, path);
    case 'labels':
      return labelsActionIssues(action, path);
    default:
      return [];
  }
}

function titleActionIssues(action: Extract<WorkflowAction, { type: 'title' }>, path: IssuePath): ValidationIssue[] {
  if (action.mode !== 'regex') {
    return action.value.trim() === '' ? [issueAt([...path, 'value'], `enter the text to add to the title`)] : [];
  }
  if (action.pattern === undefined || action.pattern === '') {
    return [issueAt([...path, 'pattern'], 'a regular expression pattern is required')];
  }
  try {
    new RegExp(action.pattern);
    return [];
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [issueAt([...path, 'pattern'], `the pattern is not a valid regular expression (${reason})`)];
  }
}

function labelsActionIssues(action: Extract<WorkflowAction, { type: 'labels' }>, path: IssuePath): ValidationIssue[] {
  if (action.add.length === 0 && action.remove.length === 0) {
    return [issueAt([...path, 'add'], 'add or remove at least one label')];
  }
  const added = new Set(action.add);
  return action.remove.flatMap((label, index) =>
    added.has(label) ? [issueAt([...path, 'remove', index], `label '${label}' cannot be both added and removed`)] : [],
  );
}

/**
 * Every request copies its workflow, so the workflow's stored size bounds the request's. Within
 * the field limits only unusually long texts (or names in scripts of several bytes a character)
 * reach it.
 */
function sizeIssues(workflow: WorkflowInput): ValidationIssue[] {
  const bytes = new TextEncoder().encode(JSON.stringify(workflow)).length;
  if (bytes <= WORKFLOW_MAX_BYTES) return [];
  const kb = (count: number) => Math.ceil(count / 1024);
  return [
    issueAt(
      [],
      `This workflow needs ${kb(bytes)} KB, more than the ${kb(WORKFLOW_MAX_BYTES)} KB a workflow can take: ` +
        'shorten messages, descriptions or names, or remove approvers or actions',
    ),
  ];
}
