/**
 * Add restrictions: limits who may view, or who may edit, the page to the people, groups and
 * variables of the action, resolved when it runs, adding to whoever the restriction names already.
 *
 * Two rules keep the page usable. The app adds its own account to every restriction it sets:
 * Confluence keeps the app out of content whose restrictions do not name it (docs/sandbox-runtime.md),
 * and a page the app cannot see or edit could never get its byline, comments or later actions again.
 * And an edit restriction on a page that also has view restrictions adds the same people to those:
 * whoever may edit a page must be able to see it.
 */
import { getAppAccountId } from '../../confluence/app-account';
import { AS_APP } from '../../confluence/http';
import { addRestrictions as addToRestrictions, getRestrictions, isUnrestricted, type PageRestrictions, type RestrictionSet } from '../../confluence/restrictions';
import { resolvePrincipals } from '../../domain/state-actions';
import { type WorkflowAction } from '../../shared/workflow';
import { type ActionExecutor, type ActionOutcome } from '../action-run';
import { PAGE_REFUSALS, refusalOutcome } from './failure';
import { membersText } from './restriction-words';

type AddRestrictionsAction = Extract<WorkflowAction, { type: 'addRestrictions' }>;

const OPERATION_WORDS = { read: 'viewing', update: 'editing', both: 'viewing and editing' } as const;

/** The restrictions an action sets: `both` sets the view and the edit restriction alike. */
const restrictionsOf = (operation: AddRestrictionsAction['operation']): (keyof PageRestrictions)[] => (operation === 'both' ? ['read', 'update'] : [operation]);

/** Who of `wanted` the restriction does not name yet. */
function missingFrom(set: RestrictionSet, wanted: RestrictionSet): RestrictionSet {
  return {
    accountIds: wanted.accountIds.filter((id) => !set.accountIds.includes(id)),
    groupIds: wanted.groupIds.filter((id) => !set.groupIds.includes(id)),
  };
}

export const addRestrictions: ActionExecutor<AddRestrictionsAction> = async (run, action) => {
  const resolved = resolvePrincipals(action.principals, run.values);
  const wanted: RestrictionSet = { accountIds: resolved.accountIds, groupIds: resolved.groups.map((group) => group.groupId) };
  if (isUnrestricted(wanted)) return nobodyToRestrictTo(action);
  let current: PageRestrictions;
  let appAccountId: string;
  try {
    [current, appAccountId] = await Promise.all([getRestrictions(AS_APP, run.pageId), getAppAccountId()]);
  } catch (error) {
    return refusalOutcome(error, PAGE_REFUSALS);
  }
  const withApp: RestrictionSet = { ...wanted, accountIds: [...wanted.accountIds, appAccountId] };
  const additions: Partial<PageRestrictions> = {};
  for (const restriction of restrictionsOf(action.operation)) additions[restriction] = missingFrom(current[restriction], withApp);
  if (additions.read === undefined && !isUnrestricted(current.read)) additions.read = missingFrom(current.read, withApp);
  const nothingMissing = Object.values(additions).every(isUnrestricted);
  const words = `${OPERATION_WORDS[action.operation]} restricted to ${membersText(wanted)}`;
  if (nothingMissing) return { ok: true, message: `${words} already` };
  try {
    await addToRestrictions(AS_APP, run.pageId, additions);
  } catch (error) {
    // The page answered a moment ago: a 404 or 400 now is about someone the action names.
    return refusalOutcome(error, {
      ...PAGE_REFUSALS,
      notFound: 'a person the action names no longer has a Confluence account; edit the action',
      rejected: 'a person or group the action names is not in Confluence any more; edit the action',
    });
  }
  return { ok: true, message: words };
};

/** Restricting to nobody would lock everyone out but the app: refused, with the variables that named no one. */
function nobodyToRestrictTo(action: AddRestrictionsAction): ActionOutcome {
  const variables = action.principals.flatMap((principal) => (principal.type === 'variable' ? [principal.variable] : []));
  return {
    ok: false,
    message: `${variables.join(', ')} named nobody when the action ran, so there was no one to restrict ${OPERATION_WORDS[action.operation]} to; the page was left as it was`,
  };
}
