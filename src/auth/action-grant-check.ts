/**
 * Before a restriction or publish action runs as the app, the space admin who approved it (the
 * workflow's actions grant, domain/action-grant.ts) must still be a space admin of the page's
 * space and, to publish, still may add pages in the target space. Both are read afresh as the
 * app from the spaces' permission assignments: asking as that admin would be offline
 * impersonation, which the app does not use. The answers are shared by the actions of one run only.
 */
import { AS_APP } from '../confluence/http';
import { getPeople } from '../confluence/people';
import { getSpaceByKey } from '../confluence/spaces';
import { getUserGroupIds } from '../confluence/user-groups';
import { grantRefusalMessage, needsActionsGrant, resolvePublishTarget } from '../domain/action-grant';
import { AppError } from '../shared/errors';
import { type SpaceVariable } from '../shared/space-variables';
import { type Workflow, type WorkflowAction } from '../shared/workflow';
import { ADD_PAGES, ADMINISTER_SPACE, holdsAll, type Member } from './space-permission';

/** What the check needs of a run (src/actions/action-run.ts ActionRun has all of it). */
export interface GrantedRun {
  spaceId: string;
  spaceKey: string;
  workflow: Pick<Workflow, 'actionsGrant'>;
  spaceVariables: readonly SpaceVariable[];
}

export type GrantCheck = { allowed: true } | { allowed: false; message: string };

interface Grantor {
  member: Member;
  isAdmin: boolean;
  name: () => Promise<string>;
}

const grantors = new WeakMap<GrantedRun, Promise<Grantor | null>>();

async function readGrantor(run: GrantedRun): Promise<Grantor | null> {
  const grant = run.workflow.actionsGrant;
  if (grant === undefined) return null;
  const member: Member = { accountId: grant.by, groupIds: new Set(await getUserGroupIds(grant.by)) };
  const isAdmin = await holdsAll(run.spaceId, member, [ADMINISTER_SPACE]);
  let name: Promise<string> | undefined;
  return {
    member,
    isAdmin,
    name: () => (name ??= getPeople([grant.by]).then((people) => people.get(grant.by)?.displayName ?? 'The space admin')),
  };
}

function grantorOf(run: GrantedRun): Promise<Grantor | null> {
  let grantor = grantors.get(run);
  if (grantor === undefined) {
    grantor = readGrantor(run);
    grantors.set(run, grantor);
  }
  return grantor;
}

async function mayAddPagesIn(spaceKey: string, member: Member): Promise<'yes' | 'no' | 'noSpace'> {
  try {
    const space = await getSpaceByKey(AS_APP, spaceKey);
    return (await holdsAll(space.id, member, ADD_PAGES)) ? 'yes' : 'no';
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return 'noSpace';
    throw error;
  }
}

/**
 * Whether the action may run now. Actions that need no grant (labels, title, notify, official
 * version) always may. A ConfluenceBusyError (429) is thrown, as by the executors: the runner retries.
 */
export async function checkActionGrant(run: GrantedRun, action: WorkflowAction): Promise<GrantCheck> {
  if (!needsActionsGrant(action)) return { allowed: true };
  const grantor = await grantorOf(run);
  if (grantor === null) return { allowed: false, message: grantRefusalMessage(action, { reason: 'noGrant' }) };
  if (!grantor.isAdmin) {
    return { allowed: false, message: grantRefusalMessage(action, { reason: 'notAdmin', adminName: await grantor.name(), spaceKey: run.spaceKey }) };
  }
  if (action.type !== 'publish') return { allowed: true };
  const target = resolvePublishTarget(action.target, run.spaceVariables);
  if (!target.ok) return { allowed: false, message: target.message };
  switch (await mayAddPagesIn(target.spaceKey, grantor.member)) {
    case 'yes':
      return { allowed: true };
    case 'noSpace':
      return { allowed: false, message: `Publish page: the target space ${target.spaceKey} no longer exists. A space admin can pick another target in the workflow.` };
    case 'no':
      return {
        allowed: false,
        message: grantRefusalMessage(action, { reason: 'cannotAddPages', adminName: await grantor.name(), targetSpaceKey: target.spaceKey }),
      };
  }
}
