/**
 * The permission matrix's scenes, built on a fresh demo site through the app itself (the space
 * admin's settings, the author's Submit) with the workflow stored as the settings screen would.
 */
import { type SettingsResults } from '../../../src/shared/contract/settings';
import { MODULES, ok, type ModuleContext, type SPACES, type TestApp } from '../../integration/support/app';
import { HR_PAGE, type ModuleName, PERSONA_INFO, type Persona, type Scene, type SceneIds } from '../permission-matrix.table';

const HR: { id: string; key: keyof typeof SPACES } = { id: '1002', key: 'HR' };

const approversIn = (scene: Scene): Persona[] => (scene === 'editedAfterSubmission' ? ['approver', 'owner', 'spaceAdmin'] : ['approver']);

export async function buildScene(app: TestApp, scene: Scene): Promise<SceneIds> {
  app.sandbox.reset();
  const draft = {
    name: 'Policy review',
    owners: [PERSONA_INFO.owner.accountId],
    steps: [{ id: 'review', name: 'Review', approvers: approversIn(scene).map((persona) => ({ type: 'user' as const, accountId: PERSONA_INFO[persona].accountId })), rule: { kind: 'any' as const } }],
  };
  const workflow = await app.createWorkflow({ spaceId: HR.id, ...draft }, 'default');
  const admin = app.as(PERSONA_INFO.spaceAdmin.accountId);
  if (scene === 'adminsCreate') ok(await admin.invoke(MODULES.settings, 'setWorkflowCreators', { workflowCreators: 'spaceAdmins' }, app.spaceContext(HR.key)));
  let requestId = 'no-request';
  if (scene === 'submitted' || scene === 'editedAfterSubmission') {
    requestId = ok(await app.as(PERSONA_INFO.author.accountId).byline('submit', HR_PAGE)).request?.id ?? 'no-request';
  }
  if (scene === 'editedAfterSubmission') {
    const edit = { workflowId: workflow.id, revision: workflow.revision, workflow: { ...draft, description: 'Edited during the review' } };
    ok(await app.as(PERSONA_INFO.owner.accountId).invoke(MODULES.settings, 'updateWorkflow', edit, app.spaceContext(HR.key)));
  }
  await app.drain();
  if (scene !== 'submitted') return { workflowId: workflow.id, requestId, pinnedHead: 'no-head' };
  const { head } = ok((await admin.invoke(MODULES.settings, 'exportAudit', {}, app.spaceContext(HR.key))) as SettingsResults['exportAudit']);
  await app.drain();
  return { workflowId: workflow.id, requestId, pinnedHead: `${head.seq}:${head.hash}` };
}

/** Where each module is opened: the byline on 20011, settings and queue in HR, analytics globally. */
export function contextOf(app: TestApp, module: ModuleName): ModuleContext {
  if (module === 'byline') return app.pageContext(HR_PAGE);
  if (module === 'analytics') return {};
  return app.spaceContext(HR.key);
}

export const MODULE_KEYS: Record<ModuleName, string> = MODULES;
