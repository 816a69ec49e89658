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
  member: Promise<Member>;
  isAdmin: boolean;
  name: () => Promise<string>;
}

const grantors = new WeakMap<GrantedRun, Promise<Grantor | null>>();

async function readGrantor(run: GrantedRun): Promise<Grantor | null> {
  const grant = run.workflow.actionsGrant;
  if (grant === undefined) return null;
  const member = getUserGroupIds(grant.by).then((groupIds): Member => ({ accountId: grant.by, groupIds: new Set(groupIds) }));
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
    // A failed read (Confluence busy) is not kept: the runner's retry of this run reads again.
    grantor = readGrantor(run).catch((error: unknown) => {
      grantors.delete(run);
      throw error;
    });
    grantors.set(run, grantor);
  }
  return grantor;
}

/** The target space's id, or null when it no longer exists. */
async function targetSpaceId(spaceKey: string): Promise<string | null> {
  try {
    return (await getSpaceByKey(AS_APP, spaceKey)).id;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/**
 * Whether the action may run now. Actions that need no grant (labels, title, notify, official
 * version) always may. A ConfluenceBusyError (429) is thrown, as by the executors: the runner retries.
 */
export async function checkActionGrant(run: GrantedRun, action: WorkflowAction): Promise<GrantCheck> {
  if (!needsActionsGrant(action)) return { allowed: true };
  const target = action.type === 'publish' ? resolvePublishTarget(action.target, run.spaceVariables) : null;
  // The target space is looked up while the admin's rights in the page's space are read.
  const [grantor, spaceId] = await Promise.all([grantorOf(run), target?.ok === true ? targetSpaceId(target.spaceKey) : null]);
  if (grantor === null) return { allowed: false, message: grantRefusalMessage(action, { reason: 'noGrant' }) };
  if (!grantor.isAdmin) {
    return { allowed: false, message: grantRefusalMessage(action, { reason: 'notAdmin', adminName: await grantor.name(), spaceKey: run.spaceKey }) };
  }
  if (target === null) return { allowed: true };
  if (!target.ok) return { allowed: false, message: target.message };
  if (spaceId === null) {
    return { allowed: false, message: `Publish page: the target space ${target.spaceKey} no longer exists. A space admin can pick another target in the workflow.` };
  }
  if (await holdsAll(spaceId, grantor.member, ADD_PAGES)) return { allowed: true };
  return { allowed: false, message: grantRefusalMessage(action, { reason: 'cannotAddPages', adminName: await grantor.name(), targetSpaceKey: target.spaceKey }) };
}
