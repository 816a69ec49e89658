/**
 * The space settings screen as a test drives it: one person in one space calling the
 * `approval-settings` functions, typed by the contract. Plus the audit rows a workflow change
 * leaves behind, read directly from storage.
 */
import { kvs } from '@forge/kvs';
import { type SettingsResults } from '../../../src/shared/contract/settings';
import { type BridgeError } from '../../../src/shared/errors';
import { type WorkflowInputDraft } from '../../../src/shared/workflow';
import { type AuditRow, ENTITY } from '../../../src/storage/entities';
import { MODULES, type SPACES, type TestApp } from './app';

export type SettingsCall = <K extends keyof SettingsResults>(functionKey: K, payload?: unknown) => Promise<SettingsResults[K] | BridgeError>;

/** `accountId` using the settings of `spaceKey`. */
export function settingsAs(app: TestApp, accountId: string, spaceKey: keyof typeof SPACES = 'ENG'): SettingsCall {
  return async (functionKey, payload = {}) =>
    (await app.as(accountId).invoke(MODULES.settings, functionKey, payload, app.spaceContext(spaceKey))) as SettingsResults[typeof functionKey] | BridgeError;
}

/** An editor payload without the space (the context gives it). */
export type EditorWorkflow = Omit<WorkflowInputDraft, 'spaceId'>;

export function editorWorkflow(overrides: Partial<EditorWorkflow> = {}): EditorWorkflow {
  return {
    name: 'Policy review',
    description: 'Two-step review of HR policies',
    steps: [
      { id: 'review', name: 'Review', approvers: [{ type: 'user', accountId: 'u-bob' }], rule: { kind: 'any' } },
      { id: 'legal', name: 'Legal', approvers: [{ type: 'group', groupId: 'g-legal', name: 'legal' }], rule: { kind: 'all' } },
    ],
    ...overrides,
  };
}

/** Audit rows about workflows and assignments (not about requests), oldest first. */
export async function workflowAuditRows(spaceId: string): Promise<(AuditRow & { key: string })[]> {
  const rows: (AuditRow & { key: string })[] = [];
  for (const sealed of [false, true]) {
    let cursor: string | undefined;
    do {
      let query = kvs.entity<AuditRow>(ENTITY.auditEvent).query().index('by-space-seq', { partition: [spaceId, sealed] }).limit(100);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      rows.push(...page.results.filter((r) => r.value.body.kind === 'workflow').map((r) => ({ key: r.key, ...r.value })));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
  }
  return rows.sort((a, b) => a.at.localeCompare(b.at));
}
