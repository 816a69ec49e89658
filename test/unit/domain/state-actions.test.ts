import { actionStateOf, planActions, resolvePrincipals, variableValues } from '../../../src/domain/state-actions';
import { applyTitleAction } from '../../../src/shared/title-action';
import { REQUEST_STATUSES } from '../../../src/domain/request';
import { workflowActionsSchema } from '../../../src/shared/workflow';
import { approve, reject, run, step, submitted, user, workflow } from './fixtures';

describe('planActions', () => {
  it('groups the actions of a state into the three phases, keeping their order and positions', () => {
    const actions = workflowActionsSchema.parse({
      approved: [
        { type: 'publish', target: { type: 'space', spaceKey: 'DOCS' } },
        { type: 'notify', recipients: [{ type: 'variable', variable: '@author' }], message: 'Approved' },
        { type: 'removeRestrictions' },
        { type: 'labels', add: ['approved'] },
        { type: 'setOfficialVersion' },
        { type: 'addRestrictions', operation: 'update', principals: [{ type: 'variable', variable: '@reviewers' }] },
        { type: 'title', mode: 'suffix', value: ' (approved)' },
      ],
    });
    const [first, second, third] = planActions(actions, 'approved');
    expect(first.map((p) => [p.index, p.action.type])).toEqual([[2, 'removeRestrictions']]);
    expect(second.map((p) => [p.index, p.action.type])).toEqual([
      [1, 'notify'],
      [3, 'labels'],
      [4, 'setOfficialVersion'],
      [5, 'addRestrictions'],
      [6, 'title'],
    ]);
    expect(third.map((p) => [p.index, p.action.type])).toEqual([[0, 'publish']]);
    expect(planActions(actions, 'expired')).toEqual([[], [], []]);
  });

  it('maps request statuses to the states that can have actions', () => {
    expect(REQUEST_STATUSES.map(actionStateOf)).toEqual(['inApproval', 'approved', 'changesRequested', 'draft', 'expired', null]);
  });
});

describe('variables', () => {
  it('resolves @author, @reviewers of the request, @lastEditor and @owners when the action runs', () => {
    const wf = workflow([step('s1', [user('bob'), user('carol'), user('dan')], { rule: { kind: 'atLeast', count: 2 }, rejectionsToFail: 2 })]);
    const request = run(submitted(wf), [reject('carol'), approve('bob'), approve('dan')]);
    const values = variableValues(request, ['olga', 'bob'], 'erin');
    expect(values).toEqual({ authorId: 'author', reviewerIds: ['carol', 'bob', 'dan'], ownerIds: ['olga', 'bob'], lastEditorId: 'erin' });
    expect(
      resolvePrincipals(
        [
          { type: 'variable', variable: '@author' },
          { type: 'user', accountId: 'bob' },
          { type: 'variable', variable: '@reviewers' },
          { type: 'group', groupId: 'g', name: 'QA' },
          { type: 'group', groupId: 'g', name: 'QA' },
          { type: 'variable', variable: '@lastEditor' },
          { type: 'variable', variable: '@owners' },
        ],
        values,
      ),
    ).toEqual({ accountIds: ['author', 'bob', 'carol', 'dan', 'erin', 'olga'], groups: [{ type: 'group', groupId: 'g', name: 'QA' }] });
  });

  it('leaves out @lastEditor when nobody is known to have edited', () => {
    const values = variableValues(submitted(workflow([step('s1', [user('bob')])])), []);
    expect(values).toEqual({ authorId: 'author', reviewerIds: [], ownerIds: [] });
    expect(resolvePrincipals([{ type: 'variable', variable: '@lastEditor' }], values)).toEqual({ accountIds: [], groups: [] });
  });
});

describe('applyTitleAction', () => {
  it('adds a prefix or suffix once, so re-entering a state does not stack it', () => {
    const prefix = { type: 'title' as const, mode: 'prefix' as const, value: '[APPROVED] ' };
    expect(applyTitleAction('Policy', prefix)).toBe('[APPROVED] Policy');
    expect(applyTitleAction('[APPROVED] Policy', prefix)).toBe('[APPROVED] Policy');
    const suffix = { type: 'title' as const, mode: 'suffix' as const, value: ' (final)' };
    expect(applyTitleAction(applyTitleAction('Policy', suffix), suffix)).toBe('Policy (final)');
  });

  it('replaces every match of a regex, and never leaves the title empty', () => {
    expect(applyTitleAction('[DRAFT] Policy [DRAFT]', { type: 'title', mode: 'regex', pattern: '\\s*\\[DRAFT\\]\\s*', value: ' ' })).toBe('Policy');
    expect(applyTitleAction('v1 of v2', { type: 'title', mode: 'regex', pattern: 'v(\\d)', value: 'version $1' })).toBe('version 1 of version 2');
    expect(applyTitleAction('DRAFT', { type: 'title', mode: 'regex', pattern: 'DRAFT', value: '' })).toBe('DRAFT');
    expect(applyTitleAction('Policy', { type: 'title', mode: 'regex', value: 'x' })).toBe('Policy');
  });
});
