import { bylineContract, type BylineResults } from '../../shared/contract/byline';
import { moduleApi } from '../shared/api';

/** The byline dialog's resolver functions; the page is always the one the dialog was opened on. */
export const callByline = moduleApi<typeof bylineContract, BylineResults>(bylineContract);

/** What a person can do from the dialog. Resubmit is `submit` on a page that had a request before. */
export type ActionKind = 'submit' | 'resubmit' | 'approve' | 'reject' | 'withdraw' | 'override';

/** The fields of each action's form, so a validation message lands next to its field. */
export const ACTION_FIELDS: Record<ActionKind, readonly string[]> = {
  submit: ['workflowId', 'comment'],
  resubmit: ['workflowId', 'comment'],
  approve: ['comment'],
  reject: ['comment'],
  withdraw: [],
  override: ['targetStatus', 'reason'],
};
