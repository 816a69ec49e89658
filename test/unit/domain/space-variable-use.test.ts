import { publishesToVariable, variableUse } from '../../../src/domain/space-variable-use';
import { workflowActionsSchema } from '../../../src/shared/workflow';

const workflow = (name: string, actions: Record<string, unknown[]>) => ({ name, actions: workflowActionsSchema.parse(actions) });
const toVariable = (name: string) => ({ type: 'publish', target: { type: 'variable', name } });

describe('which workflows publish to a space variable', () => {
  const release = workflow('Release review', { approved: [{ type: 'labels', add: ['approved'] }, toVariable('PublishTarget')] });
  const archive = workflow('Archive', { expired: [toVariable('archive')] });
  const direct = workflow('Direct', { approved: [{ type: 'publish', target: { type: 'space', spaceKey: 'publishTarget' } }] });

  it('matches publish actions of any state naming the variable, whatever its case, and nothing else', () => {
    expect(publishesToVariable(release, 'publishtarget')).toBe(true);
    expect(publishesToVariable(archive, 'archive')).toBe(true);
    expect(publishesToVariable(archive, 'publishTarget')).toBe(false);
    expect(publishesToVariable(direct, 'publishTarget')).toBe(false);
  });

  it('lists the users of each variable, an unused one with none', () => {
    expect(variableUse(['publishTarget', 'archive', 'spare'], [release, archive, direct])).toEqual({
      publishTarget: ['Release review'],
      archive: ['Archive'],
      spare: [],
    });
  });
});
