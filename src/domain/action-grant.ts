/**
 * Who may configure the actions that run with the app's own powers. Restriction and publish
 * actions call Confluence as the app, which can change restrictions on any page it sees and add
 * pages in any space: the workflow's owners are not necessarily space admins, so these actions
 * need a space admin of the workflow's space, recorded as the workflow's actions grant. The grant
 * is checked again before every run (auth/action-grant-check.ts), as the admin it names.
 */
import { ACTION_STATES, type ActionState, type Workflow, type WorkflowAction, type WorkflowActions } from '../shared/workflow';
import { type SpaceVariable } from '../shared/space-variables';
import { issueAt, type ValidationIssue } from './workflow-validation';

export type GrantedAction = Extract<WorkflowAction, { type: 'removeRestrictions' | 'addRestrictions' | 'publish' }>;

const ACTION_NAMES: Record<WorkflowAction['type'], string> = {
  removeRestrictions: 'Remove restrictions',
  addRestrictions: 'Add restrictions',
  labels: 'Manage labels',
  title: 'Modify title',
  setOfficialVersion: 'Set official version',
  notify: 'Notify',
  publish: 'Publish page',
};

/** How an action is named in messages a space admin reads ("Publish page: …"). */
export function actionName(action: WorkflowAction): string {
  return ACTION_NAMES[action.type];
}

export function needsActionsGrant(action: WorkflowAction): action is GrantedAction {
  return action.type === 'removeRestrictions' || action.type === 'addRestrictions' || action.type === 'publish';
}

/** Keys sorted, so two equal actions compare equal however their objects were built. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface GrantedActionAt {
  state: ActionState;
  index: number;
  action: GrantedAction;
}

/** The restriction and publish actions of a workflow, with where they sit. */
export function grantedActions(actions: WorkflowActions): GrantedActionAt[] {
  return ACTION_STATES.flatMap((state) =>
    actions[state].flatMap((action, index) => (needsActionsGrant(action) ? [{ state, index, action }] : [])),
  );
}

/**
 * The granted actions of `requested` that `current` does not have as they are, in the same state
 * (each current action matches once, so a duplicate is new). Removing one is not a change here:
 * an owner may delete or disable the whole workflow anyway.
 */
export function newOrChangedGrantedActions(requested: WorkflowActions, current: WorkflowActions | null): GrantedActionAt[] {
  const available = new Map<string, number>();
  for (const { state, action } of current === null ? [] : grantedActions(current)) {
    const key = `${state}|${canonical(action)}`;
    available.set(key, (available.get(key) ?? 0) + 1);
  }
  return grantedActions(requested).filter(({ state, action }) => {
    const key = `${state}|${canonical(action)}`;
    const left = available.get(key) ?? 0;
    if (left === 0) return true;
    available.set(key, left - 1);
    return false;
  });
}

export type ActionsGrant = Workflow['actionsGrant'];

export type ActionsGrantChange = { ok: true; grant: ActionsGrant } | { ok: false; issues: ValidationIssue[] };

/**
 * The grant a save leaves. No restriction or publish action: none. A space admin's save: theirs,
 * now (saving again is how an admin renews a grant whose admin left). Anyone else: the grant
 * stays as long as they add or change none of these actions; each one they do is refused at its
 * field.
 */
export function actionsGrantOnSave(
  requested: WorkflowActions,
  current: Pick<Workflow, 'actions' | 'actionsGrant'> | null,
  editor: { accountId: string; isSpaceAdmin: boolean },
  now: string,
): ActionsGrantChange {
  if (grantedActions(requested).length === 0) return { ok: true, grant: undefined };
  if (editor.isSpaceAdmin) return { ok: true, grant: { by: editor.accountId, at: now } };
  const changed = newOrChangedGrantedActions(requested, current?.actions ?? null);
  if (changed.length === 0) return { ok: true, grant: current?.actionsGrant };
  return {
    ok: false,
    issues: changed.map(({ state, index, action }) =>
      issueAt(
        ['actions', state, index],
        `only a space admin can add or change this action (${actionName(action)}), because it runs with the app's permissions. ` +
          'Undo this change to save, or ask a space admin to make it',
      ),
    ),
  };
}

/** Where a publish action puts its copy, its variable (if any) resolved against the space's variables now. */
export type PublishTarget = { ok: true; spaceKey: string; parentPageId?: string; variable?: string } | { ok: false; message: string };

export function resolvePublishTarget(target: Extract<WorkflowAction, { type: 'publish' }>['target'], variables: readonly SpaceVariable[]): PublishTarget {
  if (target.type === 'space') {
    return { ok: true, spaceKey: target.spaceKey, ...(target.parentPageId === undefined ? {} : { parentPageId: target.parentPageId }) };
  }
  const wanted = target.name.toLowerCase();
  const variable = variables.find((candidate) => candidate.name.toLowerCase() === wanted);
  if (variable === undefined) {
    return {
      ok: false,
      message: `Publish page: the space variable ${target.name} no longer exists. A space admin can add it again in the space settings (Space variables) or pick another target.`,
    };
  }
  return {
    ok: true,
    spaceKey: variable.spaceKey,
    variable: variable.name,
    ...(variable.parentPageId === undefined ? {} : { parentPageId: variable.parentPageId }),
  };
}

/** Why a granted action may not run now, in words a space admin can act on; null when it may. */
export type GrantRefusal =
  | { reason: 'noGrant' }
  | { reason: 'notAdmin'; adminName: string; spaceKey: string }
  | { reason: 'cannotAddPages'; adminName: string; targetSpaceKey: string };

export function grantRefusalMessage(action: WorkflowAction, refusal: GrantRefusal): string {
  const name = actionName(action);
  switch (refusal.reason) {
    case 'noGrant':
      return `${name}: no space admin has approved this action, so it did not run. A space admin must save the workflow again.`;
    case 'notAdmin':
      return `${name}: ${refusal.adminName}, who set up this action, is no longer a space admin of ${refusal.spaceKey}. A space admin must save the workflow again.`;
    case 'cannotAddPages':
      return `${name}: ${refusal.adminName}, who set up this action, can no longer add pages in ${refusal.targetSpaceKey}. A space admin must save the workflow again.`;
  }
}
