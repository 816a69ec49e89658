import {
  actionsGrantOnSave,
  grantRefusalMessage,
  needsActionsGrant,
  newOrChangedGrantedActions,
  resolvePublishTarget,
} from '../../../src/domain/action-grant';
import { type WorkflowActions, workflowActionSchema, workflowActionsSchema } from '../../../src/shared/workflow';

const NOW = '2026-12-01T10:00:00.000Z';
const EARLIER = { by: 'u-frank', at: '2026-11-01T10:00:00.000Z' };
const admin = { accountId: 'u-frank', isSpaceAdmin: true };
const owner = { accountId: 'u-bob', isSpaceAdmin: false };

const actions = (input: Record<string, unknown[]>): WorkflowActions => workflowActionsSchema.parse(input);
const publishTo = (spaceKey: string, extra: Record<string, unknown> = {}) => ({ type: 'publish', target: { type: 'space', spaceKey }, ...extra });
const restrictEditsTo = (accountId: string) => ({ type: 'addRestrictions', operation: 'update', principals: [{ type: 'user', accountId }] });
const label = { type: 'labels', add: ['approved'] };

describe('which actions need a space admin', () => {
  it('restriction and publish actions run with the app\'s permissions; the others do not', () => {
    const kinds = [
      { type: 'removeRestrictions' },
      restrictEditsTo('u-bob'),
      publishTo('PUB'),
      label,
      { type: 'title', mode: 'prefix', value: 'A ' },
      { type: 'setOfficialVersion' },
      { type: 'notify', recipients: [{ type: 'variable', variable: '@author' }], message: 'Hi' },
    ].map((input) => workflowActionSchema.parse(input));
    expect(kinds.filter(needsActionsGrant).map((a) => a.type)).toEqual(['removeRestrictions', 'addRestrictions', 'publish']);
  });
});

describe('actionsGrantOnSave', () => {
  const current = { actions: actions({ approved: [label, publishTo('PUB'), { type: 'removeRestrictions' }] }), actionsGrant: EARLIER };

  it("records the admin's save as the grant, also when the actions did not change (how an admin renews it)", () => {
    expect(actionsGrantOnSave(actions({ approved: [publishTo('PUB')] }), null, admin, NOW)).toEqual({ ok: true, grant: { by: 'u-frank', at: NOW } });
    expect(actionsGrantOnSave(current.actions, current, { accountId: 'u-heidi', isSpaceAdmin: true }, NOW)).toEqual({
      ok: true,
      grant: { by: 'u-heidi', at: NOW },
    });
  });

  it('needs no grant without restriction or publish actions, and drops one left over', () => {
    expect(actionsGrantOnSave(actions({ approved: [label] }), current, owner, NOW)).toEqual({ ok: true, grant: undefined });
    expect(actionsGrantOnSave(actions({ approved: [label] }), current, admin, NOW)).toEqual({ ok: true, grant: undefined });
  });

  it("lets a non-admin save other changes (reordered, labels changed, an action removed), keeping the admin's grant", () => {
    const edited = actions({ approved: [{ type: 'removeRestrictions' }, { type: 'labels', add: ['final'] }, publishTo('PUB')] });
    expect(actionsGrantOnSave(edited, current, owner, NOW)).toEqual({ ok: true, grant: EARLIER });
    expect(actionsGrantOnSave(actions({ approved: [publishTo('PUB')] }), current, owner, NOW)).toEqual({ ok: true, grant: EARLIER });
  });

  it('refuses each restriction or publish action a non-admin adds or changes, at its field', () => {
    const edited = actions({
      approved: [publishTo('PUB', { includeDescendants: true }), { type: 'removeRestrictions' }, restrictEditsTo('u-bob')],
      expired: [{ type: 'removeRestrictions' }],
    });
    const change = actionsGrantOnSave(edited, current, owner, NOW);
    expect(change.ok).toBe(false);
    if (change.ok) return;
    expect(change.issues.map((issue) => issue.path)).toEqual([
      ['actions', 'approved', 0],
      ['actions', 'approved', 2],
      ['actions', 'expired', 0],
    ]);
    expect(change.issues[0].message).toBe(
      "On Approved, action 1: only a space admin can add or change this action (Publish page), because it runs with the app's permissions. " +
        'Undo this change to save, or ask a space admin to make it',
    );
  });

  it('refuses a non-admin creating a workflow with such actions', () => {
    const change = actionsGrantOnSave(actions({ inApproval: [restrictEditsTo('u-bob')] }), null, owner, NOW);
    expect(change.ok ? [] : change.issues.map((issue) => issue.message)).toEqual([
      "On In Approval, action 1: only a space admin can add or change this action (Add restrictions), because it runs with the app's permissions. Undo this change to save, or ask a space admin to make it",
    ]);
  });
});

describe('newOrChangedGrantedActions', () => {
  it('counts a duplicate as new and a move to another state as a change', () => {
    const before = actions({ approved: [{ type: 'removeRestrictions' }] });
    const doubled = actions({ approved: [{ type: 'removeRestrictions' }, { type: 'removeRestrictions' }] });
    const moved = actions({ expired: [{ type: 'removeRestrictions' }] });
    expect(newOrChangedGrantedActions(doubled, before).map(({ state, index }) => [state, index])).toEqual([['approved', 1]]);
    expect(newOrChangedGrantedActions(moved, before).map(({ state, index }) => [state, index])).toEqual([['expired', 0]]);
  });

  it('compares actions by content, whatever the order of their fields', () => {
    const stored = actions({ approved: [publishTo('PUB', { includeLabels: true })] });
    const sent = { ...stored, approved: [{ updateExisting: true, includeLabels: true, includeAttachments: false, includeDescendants: false, target: { spaceKey: 'PUB', type: 'space' }, type: 'publish' }] } as WorkflowActions;
    expect(newOrChangedGrantedActions(sent, stored)).toEqual([]);
  });
});

describe('resolvePublishTarget', () => {
  const variables = [{ name: 'publishTarget', spaceKey: 'PUB', parentPageId: '900' }];

  it('reads a space variable as it is now, by name whatever its case', () => {
    expect(resolvePublishTarget({ type: 'variable', name: 'PUBLISHTARGET' }, variables)).toEqual({
      ok: true,
      spaceKey: 'PUB',
      parentPageId: '900',
      variable: 'publishTarget',
    });
    expect(resolvePublishTarget({ type: 'space', spaceKey: 'DOCS' }, variables)).toEqual({ ok: true, spaceKey: 'DOCS' });
  });

  it('says what a space admin can do when the variable is gone', () => {
    expect(resolvePublishTarget({ type: 'variable', name: 'archive' }, variables)).toEqual({
      ok: false,
      message:
        'Publish page: the space variable archive no longer exists. A space admin can add it again in the space settings (Space variables) or pick another target.',
    });
  });
});

describe('grantRefusalMessage', () => {
  const publish = workflowActionSchema.parse(publishTo('PUB'));
  it('names the action, the admin and what to do', () => {
    expect(grantRefusalMessage(publish, { reason: 'cannotAddPages', adminName: 'Dana Lee', targetSpaceKey: 'PUB' })).toBe(
      'Publish page: Dana Lee, who set up this action, can no longer add pages in PUB. A space admin must save the workflow again.',
    );
    expect(grantRefusalMessage(workflowActionSchema.parse({ type: 'removeRestrictions' }), { reason: 'notAdmin', adminName: 'Dana Lee', spaceKey: 'ENG' })).toBe(
      'Remove restrictions: Dana Lee, who set up this action, is no longer a space admin of ENG. A space admin must save the workflow again.',
    );
    expect(grantRefusalMessage(publish, { reason: 'noGrant' })).toMatch(/^Publish page: no space admin has approved this action/);
  });
});
