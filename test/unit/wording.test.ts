import { OVERRIDE_CHOICES } from '../../src/shared/override-targets';
import { capitalise, countOf, listWords, lowerFirst } from '../../src/shared/wording';

describe('the shared wording', () => {
  it('starts a sentence with a capital, and a message after "Step 2: " without one', () => {
    expect(capitalise('step 2 of 3 (Legal)')).toBe('Step 2 of 3 (Legal)');
    expect(lowerFirst('Needs a name')).toBe('needs a name');
    expect(capitalise('')).toBe('');
  });

  it('counts with the noun in the singular for one only', () => {
    expect([0, 1, 2].map((count) => countOf(count, 'approval'))).toEqual(['0 approvals', '1 approval', '2 approvals']);
  });

  it('lists words with commas and the conjunction before the last', () => {
    expect(listWords([], 'and')).toBe('');
    expect(listWords(['Legal'], 'or')).toBe('Legal');
    expect(listWords(['Legal', 'Finance', 'HR'], 'and')).toBe('Legal, Finance and HR');
    expect(OVERRIDE_CHOICES).toBe('Draft, Approved or Changes Requested');
  });
});
