import { ruleSentence } from '../../src/shared/rule-sentence';

describe('the rule sentence', () => {
  it('reads the same wherever a step rule is shown, singular and plural alike', () => {
    expect(ruleSentence({ kind: 'any' })).toBe('Any one approver');
    expect(ruleSentence({ kind: 'all' })).toBe('All approvers');
    expect(ruleSentence({ kind: 'atLeast', count: 1 })).toBe('At least 1 approval');
    expect(ruleSentence({ kind: 'atLeast', count: 3 })).toBe('At least 3 approvals');
  });
});
