/**
 * The actions grant a workflow save leaves (domain/action-grant.ts), with what only Confluence
 * knows checked for the saving admin: each publish target's space variable exists, and the admin
 * may add pages in the target space (and sees the parent page named there). Runs are checked
 * again as the grant's admin (auth/action-grant-check.ts).
 */
import { publishTargetAccess, saverOf, type PublishTargetInput, type PublishTargetAccess } from '../auth/publish-target-access';
import { type Member } from '../auth/space-permission';
import { actionsGrantOnSave, grantedActions, resolvePublishTarget } from '../domain/action-grant';
import { issueAt, type ValidationIssue } from '../domain/workflow-validation';
import { type SpaceVariable } from '../shared/space-variables';
import { type Workflow, type WorkflowActions } from '../shared/workflow';

export interface ActionsEditor {
  accountId: string;
  isSpaceAdmin: boolean;
  /** The key of the workflow's space: a copy cannot go into the space its page is in. */
  spaceKey: string;
}

/** A copy in the page's own space would take the page's title, which Confluence allows once per space. */
export function sameSpaceMessage(spaceKey: string): string {
  return `Publishing copies into this space (${spaceKey}) is not possible: Confluence allows one page of a title per space. Choose another space`;
}

async function targetIssues(actions: WorkflowActions, spaceVariables: () => Promise<readonly SpaceVariable[]>, editor: ActionsEditor): Promise<ValidationIssue[]> {
  const publishes = grantedActions(actions).filter(({ action }) => action.type === 'publish');
  // The saver's groups are read once, when a target is first checked. A check that answers before
  // needing them (no such space) leaves that read unawaited, so its failure is marked handled
  // here; the checks that do need the groups still see it.
  let saver: Promise<Member> | undefined;
  const saverOnce = () => {
    if (saver === undefined) {
      saver = saverOf(editor.accountId);
      saver.catch(() => undefined);
    }
    return saver;
  };
  // The space's settings row is read only when a target names a variable.
  const variables = publishes.some(({ action }) => action.type === 'publish' && action.target.type === 'variable') ? await spaceVariables() : [];
  // One check per distinct target: several actions publishing to one space cost one set of reads.
  const checks = new Map<string, Promise<PublishTargetAccess>>();
  const access = (target: PublishTargetInput) => {
    const key = `${target.spaceKey}|${target.parentPageId ?? ''}`;
    let check = checks.get(key);
    if (check === undefined) {
      check = publishTargetAccess(saverOnce(), target);
      checks.set(key, check);
    }
    return check;
  };
  const found = await Promise.all(
    publishes.map(async ({ state, index, action }): Promise<ValidationIssue[]> => {
      if (action.type !== 'publish') return [];
      const path = ['actions', state, index, 'target'];
      const target = resolvePublishTarget(action.target, variables);
      if (!target.ok) {
        return [issueAt([...path, 'name'], `there is no space variable named ${action.target.type === 'variable' ? action.target.name : ''}: add it under Space variables in the space settings, or choose a space`)];
      }
      const field = (name: 'spaceKey' | 'parentPageId') => (target.variable === undefined ? [...path, name] : [...path, 'name']);
      const via = target.variable === undefined ? '' : `space variable ${target.variable}: `;
      if (target.spaceKey === editor.spaceKey) return [issueAt(field('spaceKey'), `${via}${sameSpaceMessage(editor.spaceKey)}`)];
      const result = await access(target);
      return result.ok ? [] : [issueAt(field(result.field), `${via}${result.message}`)];
    }),
  );
  return found.flat();
}

export interface ActionsGrantCheck {
  /** The workflow's actions grant after this save, when `issues` is empty. */
  grant: Pick<Workflow, 'actionsGrant'>;
  /** Each action the editor may not save as it is, at its field. */
  issues: readonly ValidationIssue[];
}

/** Runs alongside the rest of the workflow's checks (checkWorkflowInput), which report its issues with theirs. */
export async function checkActionsGrant(
  requested: WorkflowActions,
  current: Pick<Workflow, 'actions' | 'actionsGrant'> | null,
  editor: ActionsEditor,
  spaceVariables: () => Promise<readonly SpaceVariable[]>,
  now: string,
): Promise<ActionsGrantCheck> {
  const change = actionsGrantOnSave(requested, current, editor, now);
  if (!change.ok) return { grant: {}, issues: change.issues };
  const grant = change.grant === undefined ? {} : { actionsGrant: change.grant };
  // A non-admin's save keeps the actions as an admin approved them: nothing new to check.
  if (change.grant === undefined || !editor.isSpaceAdmin) return { grant, issues: [] };
  return { grant, issues: await targetIssues(requested, spaceVariables, editor) };
}
