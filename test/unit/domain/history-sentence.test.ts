import { historySentence } from '../../../src/domain/history-sentence';
import { type AuditBody } from '../../../src/domain/audit-body';

type WorkflowBody = Extract<AuditBody, { kind: 'workflow' }>;

const lookups = { displayName: (accountId: string) => (accountId === 'u-frank' ? 'Frank Admin' : accountId) };
const WORKFLOW_ID = 'fe455fad-6c1d-4b8e-9d4e-0d3c1f2a9b77';

function sentence(change: WorkflowBody['change'], details: Record<string, unknown>, workflowId = WORKFLOW_ID): string {
  return historySentence({ actorId: 'u-frank', body: { kind: 'workflow', change, workflowId, details } }, lookups);
}

describe('history sentences about workflows', () => {
  it('names the workflows and the page of an assignment, never their ids', () => {
    const assigned = sentence('assigned', { pageId: '10020', title: 'Release Process', workflowIds: [WORKFLOW_ID], workflowNames: ['Release review'], scope: 'page' });
    expect(assigned).toBe('Frank Admin assigned the workflow "Release review" to "Release Process"');
    expect(sentence('assigned', { title: 'Release Process', workflowNames: ['Release review', 'Legal', 'Security'], scope: 'subtree' })).toBe(
      'Frank Admin assigned the workflows "Release review", "Legal" and "Security" to "Release Process" and the pages below it',
    );
    expect(sentence('assigned', { title: 'Release Process', workflowIds: [], workflowNames: [], scope: null }, '-')).toBe('Frank Admin removed the workflow assignment of "Release Process"');
  });

  it('names the workflow of every other change, and says when the default was cleared', () => {
    expect(sentence('created', { name: 'Release review' })).toBe('Frank Admin created the workflow "Release review"');
    expect(sentence('updated', { name: 'Release review', previousName: 'Release review' })).toBe('Frank Admin changed the workflow "Release review"');
    expect(sentence('updated', { name: 'Release sign-off', previousName: 'Release review' })).toBe('Frank Admin changed the workflow "Release sign-off" (renamed from "Release review")');
    expect(sentence('disabled', { name: 'Release review' })).toBe('Frank Admin disabled the workflow "Release review"');
    expect(sentence('deleted', { name: 'Release review' })).toBe('Frank Admin deleted the workflow "Release review"');
    expect(sentence('defaultSet', { name: 'Release review', previousWorkflowId: null })).toBe('Frank Admin made "Release review" the space default workflow');
    expect(sentence('defaultSet', { name: null, previousWorkflowId: WORKFLOW_ID }, '-')).toBe('Frank Admin cleared the space default workflow');
    expect(sentence('creatorsSet', { workflowCreators: 'spaceAdmins', previous: 'everyone' }, '-')).toBe('Frank Admin allowed only space admins to create workflows');
  });

  it('says where a space variable now sends copies, and when it was removed', () => {
    expect(sentence('variableSet', { name: 'publishTarget', spaceKey: 'PUB', parentPageId: null, previous: null }, '-')).toBe(
      'Frank Admin set the space variable publishTarget to space PUB',
    );
    expect(sentence('variableSet', { name: 'publishTarget', spaceKey: 'PUB', parentPageId: '900', previous: null }, '-')).toBe(
      'Frank Admin set the space variable publishTarget to space PUB (under page 900)',
    );
    expect(sentence('variableRemoved', { name: 'publishTarget', previous: null }, '-')).toBe('Frank Admin removed the space variable publishTarget');
  });

  it('says "a workflow" rather than an id when an entry holds no name', () => {
    for (const change of ['created', 'updated', 'enabled', 'defaultSet', 'assigned'] as const) {
      expect(sentence(change, {})).not.toContain(WORKFLOW_ID);
    }
    expect(sentence('enabled', {})).toBe('Frank Admin enabled a workflow');
    expect(sentence('assigned', { workflowNames: ['Legal'], scope: 'page' })).toBe('Frank Admin assigned the workflow "Legal" to a page');
  });
});

describe('history sentences about workflow actions', () => {
  const results = [
    { action: 'Manage labels', ok: true, message: 'Manage labels: added approved' },
    { action: 'Publish page', ok: false, message: 'Publish page: the target space PUB no longer exists' },
    { action: 'Notify', ok: false, message: 'Notify: the page was deleted, or its view restrictions leave ApprovalFlow out' },
  ];

  it('lists every action with what it did or why it failed, as the runner wrote it', () => {
    expect(historySentence({ actorId: '-', body: { kind: 'actions', requestId: 'req-1', state: 'approved', results } }, lookups)).toBe(
      'Workflow actions on entering Approved: 1 succeeded (Manage labels: added approved), 2 failed (Publish page: the target space PUB no longer exists; ' +
        'Notify: the page was deleted, or its view restrictions leave ApprovalFlow out)',
    );
    expect(historySentence({ actorId: '-', body: { kind: 'actions', requestId: 'req-1', state: 'draft', results: results.slice(0, 1) } }, lookups)).toBe(
      'Workflow actions on entering Draft: 1 succeeded (Manage labels: added approved)',
    );
  });
});
