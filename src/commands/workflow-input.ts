/**
 * What the workflow editor sends, checked the way the editor can show it: the domain's rules
 * (with each group's real size, so "at least 3 approvals" is checked against who can approve),
 * plus what only Confluence and the space know: approvers and owners exist, names are unique.
 * Every issue's path starts at the payload (`workflow.steps.1.rule.count`), like the schema's.
 */
import { type Person, getGroupMemberCount } from '../confluence/people';
import { normalisedWorkflowName } from '../domain/workflow-name';
import { validateWorkflow, type ValidationIssue } from '../domain/workflow-validation';
import { AppError } from '../shared/errors';
import { type GroupRef, type Workflow, type WorkflowInput } from '../shared/workflow';
import { countOf } from '../shared/wording';
import { allSettled } from '../shared/parallel';
import { lookUpPeople, namedAccountIds } from './workflow-people';

export interface CheckedWorkflow {
  value: WorkflowInput;
  /** The people the workflow names, already looked up for the response. */
  people: Map<string, Person>;
}

interface GroupLookup {
  sizes: Record<string, number>;
  missing: Set<string>;
}

async function lookUpGroups(groups: readonly GroupRef[]): Promise<GroupLookup> {
  const ids = [...new Set(groups.map((g) => g.groupId))];
  const counts = await allSettled(
    ids.map(async (id) => {
      try {
        return [id, await getGroupMemberCount(id)] as const;
      } catch (error) {
        if (error instanceof AppError && error.code === 'NOT_FOUND') return [id, null] as const;
        throw error;
      }
    }),
  );
  const sizes: Record<string, number> = {};
  const missing = new Set<string>();
  for (const [id, count] of counts) {
    if (count === null) missing.add(id);
    else sizes[id] = count;
  }
  return { sizes, missing };
}

function confluenceIssues(input: WorkflowInput, people: ReadonlyMap<string, Person>, missingGroups: ReadonlySet<string>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  input.owners.forEach((accountId, index) => {
    if (!people.has(accountId)) issues.push({ path: ['owners', index], message: `Owner ${accountId} is not a Confluence user` });
  });
  input.steps.forEach((step, stepIndex) =>
    step.approvers.forEach((approver, approverIndex) => {
      const path = ['steps', stepIndex, 'approvers', approverIndex];
      if (approver.type === 'user' && !people.has(approver.accountId)) {
        issues.push({ path, message: `Step ${stepIndex + 1}: approver ${approver.accountId} is not a Confluence user` });
      }
      if (approver.type === 'group' && missingGroups.has(approver.groupId)) {
        issues.push({ path, message: `Step ${stepIndex + 1}: group '${approver.name}' doesn't exist in Confluence any more` });
      }
    }),
  );
  return issues;
}

/** Without owners only space admins could manage the workflow: almost always an editing slip. */
function ownerIssues(input: WorkflowInput): ValidationIssue[] {
  return input.owners.length === 0 ? [{ path: ['owners'], message: 'A workflow needs at least one owner' }] : [];
}

/** The message of a name another workflow of the space has (also when only its reservation shows it). */
export function nameTakenIssue(name: string): ValidationIssue {
  return { path: ['name'], message: `A workflow named '${name}' already exists in this space` };
}

function nameIssues(input: WorkflowInput, others: readonly Workflow[]): ValidationIssue[] {
  const name = normalisedWorkflowName(input.name);
  return others.some((other) => normalisedWorkflowName(other.name) === name) ? [nameTakenIssue(input.name)] : [];
}

export function validationFailure(issues: readonly ValidationIssue[]): AppError {
  const payloadIssues = issues.map((issue) => ({ path: ['workflow', ...issue.path.map(String)], message: issue.message }));
  const [first] = payloadIssues;
  const more = payloadIssues.length - 1;
  const message = more === 0 ? first.message : `${first.message} (and ${countOf(more, 'more problem')})`;
  return new AppError('VALIDATION', message, { issues: payloadIssues });
}

/**
 * Checks the editor's workflow for the space; `otherWorkflows` are the space's workflows
 * other than the one being edited. `moreIssues` are the caller's own checks (who may set up
 * which actions), run meanwhile so every problem is reported at once. Throws VALIDATION with
 * every issue found.
 */
export async function checkWorkflowInput(
  input: WorkflowInput,
  otherWorkflows: readonly Workflow[],
  moreIssues: Promise<readonly ValidationIssue[]> = Promise.resolve([]),
): Promise<CheckedWorkflow> {
  const groups = input.steps.flatMap((step) => step.approvers.filter((a): a is GroupRef => a.type === 'group'));
  const [lookup, people, more] = await allSettled([lookUpGroups(groups), lookUpPeople(namedAccountIds(input)), moreIssues]);
  const result = validateWorkflow(input, { groupSizes: lookup.sizes });
  const issues = [
    ...nameIssues(input, otherWorkflows),
    ...ownerIssues(input),
    ...(result.ok ? [] : result.issues),
    ...confluenceIssues(input, people, lookup.missing),
    ...more,
  ];
  if (issues.length > 0 || !result.ok) throw validationFailure(issues);
  return { value: result.value, people };
}
