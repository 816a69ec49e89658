import { type WorkflowAssignment, resolveWorkflows } from '../../../src/domain/workflow-resolution';
import { step, user, workflow } from './fixtures';

const wf = (id: string, enabled = true) => workflow([step('s1', [user('bob')])], {}, { id, name: `Workflow ${id}`, enabled });
const WORKFLOWS = [wf('a'), wf('b'), wf('c'), wf('off', false)];
const ids = (result: ReturnType<typeof resolveWorkflows>) => result.workflows.map((w) => w.id);

function resolve(assignments: Record<string, WorkflowAssignment>, spaceDefaultWorkflowId?: string | null) {
  return resolveWorkflows({ pageId: 'leaf', ancestors: ['root', 'section', 'parent'], assignments, spaceDefaultWorkflowId, workflows: WORKFLOWS });
}

describe('resolveWorkflows', () => {
  it("uses the page's own assignment, whatever its scope", () => {
    const own = resolve({ leaf: { workflowIds: ['b'], scope: 'page' }, parent: { workflowIds: ['a'], scope: 'subtree' } });
    expect(ids(own)).toEqual(['b']);
    expect(own.origin).toEqual({ source: 'page', fromPageId: 'leaf' });
    expect(resolve({ leaf: { workflowIds: ['c'], scope: 'subtree' } }).origin).toEqual({ source: 'page', fromPageId: 'leaf' });
  });

  it('inherits from the nearest ancestor with a subtree assignment', () => {
    const result = resolve({
      root: { workflowIds: ['a'], scope: 'subtree' },
      section: { workflowIds: ['b', 'c'], scope: 'subtree' },
      parent: { workflowIds: ['c'], scope: 'page' },
    });
    expect(ids(result)).toEqual(['b', 'c']);
    expect(result.origin).toEqual({ source: 'ancestor', fromPageId: 'section' });
  });

  it('falls back to the space default, then to every enabled workflow of the space', () => {
    expect(resolve({ parent: { workflowIds: ['a'], scope: 'page' } }, 'c')).toEqual({
      workflows: [WORKFLOWS[2]],
      origin: { source: 'spaceDefault' },
      unavailableWorkflowIds: [],
    });
    const space = resolve({});
    expect(ids(space)).toEqual(['a', 'b', 'c']);
    expect(space.origin).toEqual({ source: 'space' });
    expect(resolve({}, null).origin).toEqual({ source: 'space' });
  });

  it('never applies a disabled workflow', () => {
    const assigned = resolve({ leaf: { workflowIds: ['off', 'a', 'a', 'gone'], scope: 'page' } });
    expect(ids(assigned)).toEqual(['a']);
    expect(assigned.unavailableWorkflowIds).toEqual(['off', 'gone']);
    const defaultOff = resolve({}, 'off');
    expect(ids(defaultOff)).toEqual(['a', 'b', 'c']);
    expect(defaultOff).toMatchObject({ origin: { source: 'space' }, unavailableWorkflowIds: ['off'] });
  });

  it('keeps an assignment whose workflows are all disabled instead of silently widening it', () => {
    const result = resolve({ section: { workflowIds: ['off'], scope: 'subtree' } }, 'a');
    expect(result).toEqual({ workflows: [], origin: { source: 'ancestor', fromPageId: 'section' }, unavailableWorkflowIds: ['off'] });
  });

  it('does not mistake inherited object properties for assignments', () => {
    const result = resolveWorkflows({ pageId: 'constructor', ancestors: ['toString'], assignments: {}, workflows: WORKFLOWS });
    expect(result.origin).toEqual({ source: 'space' });
  });
});
