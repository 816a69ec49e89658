/**
 * How the editor offers the self-approval switch. Only a space admin's grant puts self-approval
 * in force (the server refuses anyone else's save that turns it on), so others get the switch
 * only to turn it off, and are told why they cannot turn it on.
 */
import { type Workflow } from '../../shared/workflow';

export interface SelfApprovalControl {
  isDisabled: boolean;
  helper: string;
}

const ADMIN_HELPER =
  'Off by default for segregation of duties: whoever submitted a page cannot approve it. Turn on only where one person may both write and approve.';
export const ADMINS_ONLY_HELPER = 'Only space admins can allow authors to approve their own pages.';
const GRANT_STANDS_HELPER =
  "A space admin allowed authors to approve their own pages in this workflow. You can turn it off; only a space admin can turn it on again.";

/** `saved`: the workflow being edited as stored (none while creating). A grant is kept only while the switch is on. */
export function selfApprovalControl(isSpaceAdmin: boolean, saved: Workflow | null): SelfApprovalControl {
  if (isSpaceAdmin) return { isDisabled: false, helper: ADMIN_HELPER };
  const savedOn = saved?.options.selfApproval === true;
  const grantStands = savedOn && saved.selfApprovalGrant !== undefined;
  return { isDisabled: !savedOn, helper: grantStands ? GRANT_STANDS_HELPER : ADMINS_ONLY_HELPER };
}
