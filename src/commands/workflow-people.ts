import { getPeople, type Person } from '../confluence/people';
import { type PersonView } from '../shared/contract';
import { type WorkflowInput } from '../shared/workflow';

/** Everyone a workflow names as a person: its owners and its user approvers. */
export function namedAccountIds(workflow: Pick<WorkflowInput, 'owners' | 'steps'>): string[] {
  const approvers = workflow.steps.flatMap((step) => step.approvers.flatMap((a) => (a.type === 'user' ? [a.accountId] : [])));
  return [...new Set([...workflow.owners, ...approvers])];
}

export async function lookUpPeople(accountIds: readonly string[]): Promise<Map<string, Person>> {
  return accountIds.length === 0 ? new Map() : getPeople([...accountIds]);
}

/** An account Confluence no longer knows still shows, by its id, so nobody silently disappears. */
export function personView(people: ReadonlyMap<string, Person>, accountId: string): PersonView {
  return { accountId, displayName: people.get(accountId)?.displayName ?? `Unknown user (${accountId})` };
}
