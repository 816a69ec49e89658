/**
 * Sentences for the parts of a workflow the screens show as text: a step's rule, its approvers,
 * the options and the state-entry actions. People are named when the workflow detail named
 * them; anyone else shows by account id so nobody silently disappears.
 */
import { type PersonView } from '../../shared/contract';
import { type ActionState, type Principal, type Step, type WorkflowAction, type WorkflowOptions } from '../../shared/workflow';
import { STATUS_LABELS } from '../../shared/status';
import { countOf } from '../../shared/wording';

export type NameOf = (accountId: string) => string;

export function nameLookup(people: readonly PersonView[]): NameOf {
  const names = new Map(people.map((person) => [person.accountId, person.displayName]));
  return (accountId) => names.get(accountId) ?? accountId;
}

export function describeApprovers(step: Pick<Step, 'approvers'>, nameOf: NameOf): string {
  return step.approvers.map((a) => (a.type === 'user' ? nameOf(a.accountId) : `group ${a.name}`)).join(', ');
}

function describePrincipal(principal: Principal, nameOf: NameOf): string {
  switch (principal.type) {
    case 'user':
      return nameOf(principal.accountId);
    case 'group':
      return `group ${principal.name}`;
    case 'variable':
      return principal.variable;
  }
}

/** A state that runs actions, as the editor and the details name it; Draft is entered only by a withdrawal. */
export function actionStateName(state: ActionState): string {
  return state === 'draft' ? 'Draft (withdrawn)' : STATUS_LABELS[state];
}

export function describeAction(action: WorkflowAction, nameOf: NameOf): string {
  switch (action.type) {
    case 'removeRestrictions':
      return 'Remove the page restrictions';
    case 'notify':
      return `Notify ${action.recipients.map((r) => describePrincipal(r, nameOf)).join(', ')}: "${action.message}"`;
    case 'addRestrictions':
      return `Restrict ${{ read: 'viewing', update: 'editing', both: 'viewing and editing' }[action.operation]} to ${action.principals.map((p) => describePrincipal(p, nameOf)).join(', ')}`;
    case 'labels': {
      const parts = [
        action.add.length > 0 ? `add ${action.add.join(', ')}` : '',
        action.remove.length > 0 ? `remove ${action.remove.join(', ')}` : '',
      ].filter((part) => part !== '');
      return `Labels: ${parts.join('; ')}`;
    }
    case 'title':
      if (action.mode === 'regex') return `Title: replace /${action.pattern ?? ''}/ with "${action.value}"`;
      return `Title: add the ${action.mode} "${action.value}"`;
    case 'setOfficialVersion':
      return 'Mark the version as the official version';
    case 'publish': {
      const extras = [
        action.includeDescendants ? 'child pages' : '',
        action.includeAttachments ? 'attachments' : '',
        action.includeLabels ? 'labels' : '',
      ].filter((extra) => extra !== '');
      const target = action.target.type === 'space' ? `space ${action.target.spaceKey}${action.target.parentPageId === undefined ? '' : ` under page ${action.target.parentPageId}`}` : `the space variable ${action.target.name}`;
      return `Publish a copy to ${target}${extras.length === 0 ? '' : ` with ${extras.join(', ')}`}`;
    }
  }
}

const OUTDATING_EDITS: Record<WorkflowOptions['editsThatOutdate'], string> = {
  every: 'Every edit outdates an approval',
  exceptMinor: 'Minor edits keep an approval; other edits outdate it',
  bodyChanges: 'Only edits that change the body outdate an approval',
};

export function describeOptions(options: WorkflowOptions): string[] {
  return [
    options.selfApproval ? 'Authors may approve their own pages' : 'Authors cannot approve their own pages (segregation of duties)',
    options.autoSubmitOnEdit ? 'Editing an approved page submits the new version automatically' : 'Editing an approved page makes it Outdated until someone submits it',
    options.validityDays === null ? 'Approvals do not expire' : `Approvals expire after ${countOf(options.validityDays, 'day')}`,
    options.onEditDuringReview === 'keep'
      ? 'Edits during review: the submitted version stays under review'
      : 'Edits during review: the review restarts with the new version',
    OUTDATING_EDITS[options.editsThatOutdate],
  ];
}
