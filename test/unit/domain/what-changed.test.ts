import { WHAT_CHANGED_LIMITS, blocksOf, whatChanged } from '../../../src/domain/what-changed';

const version = (number: number, body: string, title = 'Release Process') => ({ number, title, body });

describe('blocks of a storage-format body', () => {
  it('reads headings, paragraphs, list items and table cells in page order, entities decoded and spaces collapsed', () => {
    const body =
      '<h2>Scope</h2><p>Applies to&nbsp;all   <strong>teams</strong>.</p>' +
      '<ul><li><p>First</p><p>step</p></li><li>Second<ul><li>nested</li></ul></li></ul>' +
      '<table><tbody><tr><th>Owner</th><td><p>Dana &amp; Bob</p></td></tr></tbody></table>';
    expect(blocksOf(body)).toEqual([
      { kind: 'heading', text: 'Scope' },
      { kind: 'paragraph', text: 'Applies to all teams.' },
      { kind: 'listItem', text: 'First step' },
      { kind: 'listItem', text: 'Second' },
      { kind: 'listItem', text: 'nested' },
      { kind: 'tableCell', text: 'Owner' },
      { kind: 'tableCell', text: 'Dana & Bob' },
    ]);
  });

  it('reads a code macro body but not its parameters, and skips empty blocks', () => {
    const body =
      '<p />' +
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">java</ac:parameter>' +
      '<ac:plain-text-body><![CDATA[run();]]></ac:plain-text-body></ac:structured-macro>';
    expect(blocksOf(body)).toEqual([{ kind: 'paragraph', text: 'run();' }]);
  });
});

describe('what changed between two versions', () => {
  const approved = version(7, '<h1>Release</h1><p>Ship on Fridays.</p><ul><li>Tag the build</li><li>Notify QA</li></ul>');

  it('lists added, removed and changed blocks with the changed words marked, and the title change', () => {
    const submitted = version(9, '<h1>Release</h1><p>Ship on Mondays.</p><ul><li>Tag the build</li></ul><p>Rollback plan.</p>', 'Release Process 2027');
    const changes = whatChanged(approved, submitted);
    expect(changes).toMatchObject({ fromVersion: 7, toVersion: 9, title: { from: 'Release Process', to: 'Release Process 2027' }, truncated: false, notCompared: null });
    expect(changes.counts).toEqual({ added: 1, removed: 1, changed: 1 });
    expect(changes.blocks).toEqual([
      {
        kind: 'paragraph',
        change: 'changed',
        runs: [{ text: 'Ship on ' }, { text: 'Fridays', change: 'removed' }, { text: 'Mondays', change: 'added' }, { text: '.' }],
      },
      { kind: 'listItem', change: 'removed', runs: [{ text: 'Notify QA' }] },
      { kind: 'paragraph', change: 'added', runs: [{ text: 'Rollback plan.' }] },
    ]);
  });

  it('finds nothing between equal bodies, whatever the markup around the words', () => {
    const changes = whatChanged(approved, version(8, approved.body.replace('<p>Ship on Fridays.</p>', '<p>Ship on <em>Fridays</em>.</p>')));
    expect(changes).toMatchObject({ title: null, counts: { added: 0, removed: 0, changed: 0 }, blocks: [] });
  });

  it('a block replaced by one of another kind is removed and added, not changed', () => {
    const changes = whatChanged(version(1, '<p>Scope</p>'), version(2, '<h2>Scope of work</h2>'));
    expect(changes.blocks.map((block) => [block.kind, block.change])).toEqual([
      ['paragraph', 'removed'],
      ['heading', 'added'],
    ]);
  });

  it('lists the first changes of a long list and counts them all', () => {
    const many = Array.from({ length: WHAT_CHANGED_LIMITS.shown + 5 }, (_, i) => `<p>new ${i}</p>`).join('');
    const changes = whatChanged(version(1, ''), version(2, many));
    expect(changes.counts).toEqual({ added: WHAT_CHANGED_LIMITS.shown + 5, removed: 0, changed: 0 });
    expect(changes.blocks).toHaveLength(WHAT_CHANGED_LIMITS.shown);
    expect(changes.truncated).toBe(true);
  });

  it('does not compare bodies past the limits, and says why', () => {
    const huge = `<p>${'x'.repeat(WHAT_CHANGED_LIMITS.bodyBytes)}</p>`;
    expect(whatChanged(version(1, huge), version(2, '<p>short</p>'))).toMatchObject({ counts: null, blocks: [], notCompared: 'tooLarge' });
    const blocks = (prefix: string) => Array.from({ length: WHAT_CHANGED_LIMITS.blockEdits }, (_, i) => `<p>${prefix} ${i}</p>`).join('');
    expect(whatChanged(version(1, blocks('old')), version(2, blocks('new')))).toMatchObject({ counts: null, notCompared: 'tooManyChanges' });
  });
});
