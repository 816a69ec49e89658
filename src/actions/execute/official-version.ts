/**
 * Set official version: on entering Approved, records the approved version (and which approval
 * made it official) in a content property of the page that people see in the byline dialog and
 * integrators read over the REST API. Entering any other state makes no version official, so the
 * action then changes nothing and says why (workflow validation keeps it to Approved; a workflow
 * saved before that rule still runs safely).
 */
import { signOfficialVersion } from '../../auth/official-version-signature';
import { writeOfficialVersion } from '../../confluence/official-version';
import { type WorkflowAction } from '../../shared/workflow';
import { type ActionExecutor } from '../action-run';
import { PAGE_REFUSALS, refusalOutcome } from './failure';

type SetOfficialVersionAction = Extract<WorkflowAction, { type: 'setOfficialVersion' }>;

export const setOfficialVersion: ActionExecutor<SetOfficialVersionAction> = async (run) => {
  if (run.state !== 'approved') {
    return { ok: false, message: 'only an approval makes a version official: move this action to the Approved state' };
  }
  const { request } = run;
  // An approval by override has its time in the override; a decided one in decidedAt.
  const approvedAt = request.decidedAt ?? request.override?.at;
  if (approvedAt === undefined) throw new Error(`request ${request.id} entered Approved without a time of approval`);
  try {
    const value = await signOfficialVersion(run.pageId, { version: request.pageVersion, requestId: request.id, approvedAt });
    const written = await writeOfficialVersion(run.pageId, run.contentType, value);
    return { ok: true, message: written ? `version ${request.pageVersion} is the official version` : `version ${request.pageVersion} was already the official version` };
  } catch (error) {
    return refusalOutcome(error, PAGE_REFUSALS);
  }
};
