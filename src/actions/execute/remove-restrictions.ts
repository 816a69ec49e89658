/**
 * Remove restrictions (phase 1, before anything else): the page's view and edit restrictions all
 * go, so the actions after it start from an open page. A page with none is left alone, which also
 * makes a re-run harmless.
 */
import { AS_APP } from '../../confluence/http';
import { getRestrictions, isUnrestricted, removeAllRestrictions } from '../../confluence/restrictions';
import { type WorkflowAction } from '../../shared/workflow';
import { type ActionExecutor } from '../action-run';
import { PAGE_REFUSALS, refusalOutcome } from './failure';
import { membersText } from './restriction-words';

type RemoveRestrictionsAction = Extract<WorkflowAction, { type: 'removeRestrictions' }>;

export const removeRestrictions: ActionExecutor<RemoveRestrictionsAction> = async (run) => {
  try {
    const current = await getRestrictions(AS_APP, run.pageId);
    if (isUnrestricted(current.read) && isUnrestricted(current.update)) return { ok: true, message: 'the page had no restrictions' };
    await removeAllRestrictions(AS_APP, run.pageId);
    const removed = [
      ...(isUnrestricted(current.read) ? [] : [`view restrictions (${membersText(current.read)})`]),
      ...(isUnrestricted(current.update) ? [] : [`edit restrictions (${membersText(current.update)})`]),
    ];
    return { ok: true, message: `removed the ${removed.join(' and ')}` };
  } catch (error) {
    return refusalOutcome(error, PAGE_REFUSALS);
  }
};
