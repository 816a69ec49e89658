/**
 * What changed between two versions of a page, from their storage-format (XHTML) bodies. The
 * bodies are read into the blocks a reader sees (headings, paragraphs, list items, table
 * cells) with htmlparser2, the blocks compared with jsdiff, and a block replaced by one of the
 * same kind is shown as changed, with its changed words marked. Pure: no I/O.
 */
import { diffArrays, diffWords } from 'diff';
import { Parser } from 'htmlparser2';
import { type BlockChange, type BlockKind, type ChangeCounts, type VersionChanges, type WordRun } from '../shared/what-changed';

/**
 * Bounds that keep the comparison well inside a resolver's 25 s and its 5 MB answer: larger
 * bodies, or more block edits than this, are not compared and the dialog says so.
 */
export const WHAT_CHANGED_LIMITS = {
  bodyBytes: 512 * 1024,
  blocks: 5_000,
  blockEdits: 1_000,
  /** Word edits within one block past which it is shown as removed and added whole. */
  wordEdits: 400,
  /** Changes listed in one answer; the counts cover them all. */
  shown: 200,
} as const;

export interface ComparedVersion {
  number: number;
  title: string;
  body: string;
}

interface Block {
  kind: BlockKind;
  text: string;
}

const BLOCK_TAGS: Record<string, BlockKind> = {
  h1: 'heading',
  h2: 'heading',
  h3: 'heading',
  h4: 'heading',
  h5: 'heading',
  h6: 'heading',
  p: 'paragraph',
  blockquote: 'paragraph',
  pre: 'paragraph',
  // A code or no-format macro's body: its text is the block.
  'ac:plain-text-body': 'paragraph',
  li: 'listItem',
  td: 'tableCell',
  th: 'tableCell',
};

/** A macro's parameters (language, title, colour) are settings, not text a reader sees. */
const HIDDEN_TAGS = new Set(['ac:parameter', 'script', 'style']);

/** Tags that end a line: a word before them must not run into the next one. Inline tags (strong, em) join words. */
const LINE_BREAKS = new Set([...Object.keys(BLOCK_TAGS), 'br', 'div', 'ul', 'ol', 'tr', 'table']);

/** A paragraph inside a list item or a table cell is part of it, not a block of its own. */
const CONTAINERS = new Set<BlockKind>(['listItem', 'tableCell']);

interface Frame {
  block: { kind: BlockKind; parts: string[] } | null;
  hidden: boolean;
}

/** The blocks of a storage-format body, in page order; empty blocks are left out. */
export function blocksOf(body: string): Block[] {
  const blocks: { kind: BlockKind; parts: string[] }[] = [];
  const stack: Frame[] = [];
  const current = () => {
    for (let i = stack.length - 1; i >= 0; i -= 1) {
      const block = stack[i]?.block;
      if (block) return block;
    }
    return null;
  };
  const hidden = () => stack.some((frame) => frame.hidden);
  const parser = new Parser(
    {
      onopentag(name) {
        const kind = BLOCK_TAGS[name];
        const container = current();
        if (kind === undefined || (container !== null && CONTAINERS.has(container.kind) && !CONTAINERS.has(kind))) {
          stack.push({ block: null, hidden: HIDDEN_TAGS.has(name) });
          return;
        }
        const block = { kind, parts: [] };
        blocks.push(block);
        stack.push({ block, hidden: false });
      },
      ontext(text) {
        if (!hidden()) current()?.parts.push(text);
      },
      onclosetag(name) {
        stack.pop();
        if (LINE_BREAKS.has(name)) current()?.parts.push(' ');
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true, recognizeCDATA: true, lowerCaseTags: true },
  );
  parser.write(body);
  parser.end();
  return blocks.map(({ kind, parts }) => ({ kind, text: parts.join('').replace(/\s+/g, ' ').trim() })).filter((block) => block.text !== '');
}

function wordRuns(from: string, to: string): WordRun[] {
  const words = diffWords(from, to, { maxEditLength: WHAT_CHANGED_LIMITS.wordEdits });
  if (words === undefined) {
    return [
      { text: from, change: 'removed' },
      { text: to, change: 'added' },
    ];
  }
  return words.map((part) => (part.added ? { text: part.value, change: 'added' } : part.removed ? { text: part.value, change: 'removed' } : { text: part.value }));
}

/**
 * Removed and added blocks between two unchanged stretches: each removed block pairs with the
 * next added block of its kind and reads as changed; the rest are removed or added, in page order.
 */
function pairUp(removed: Block[], added: Block[]): BlockChange[] {
  const changes: BlockChange[] = [];
  const whole = (block: Block, change: 'added' | 'removed'): BlockChange => ({ kind: block.kind, change, runs: [{ text: block.text }] });
  let next = 0;
  for (const from of removed) {
    const match = added.findIndex((to, index) => index >= next && to.kind === from.kind);
    const to = added[match];
    if (to === undefined) {
      changes.push(whole(from, 'removed'));
      continue;
    }
    for (const skipped of added.slice(next, match)) changes.push(whole(skipped, 'added'));
    changes.push({ kind: to.kind, change: 'changed', runs: wordRuns(from.text, to.text) });
    next = match + 1;
  }
  for (const rest of added.slice(next)) changes.push(whole(rest, 'added'));
  return changes;
}

function blockChanges(from: Block[], to: Block[]): BlockChange[] | undefined {
  const keys = (blocks: Block[]) => blocks.map((block) => `${block.kind}\u0000${block.text}`);
  const parts = diffArrays(keys(from), keys(to), { maxEditLength: WHAT_CHANGED_LIMITS.blockEdits });
  if (parts === undefined) return undefined;
  const changes: BlockChange[] = [];
  let [inFrom, inTo] = [0, 0];
  let [removed, added]: Block[][] = [[], []];
  for (const part of parts) {
    if (part.removed) {
      removed = removed.concat(from.slice(inFrom, inFrom + part.count));
      inFrom += part.count;
    } else if (part.added) {
      added = added.concat(to.slice(inTo, inTo + part.count));
      inTo += part.count;
    } else {
      changes.push(...pairUp(removed, added));
      [removed, added] = [[], []];
      inFrom += part.count;
      inTo += part.count;
    }
  }
  changes.push(...pairUp(removed, added));
  return changes;
}

function countOf(changes: readonly BlockChange[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, removed: 0, changed: 0 };
  for (const change of changes) counts[change.change] += 1;
  return counts;
}

const utf8 = new TextEncoder();

/** What changed from the approved version `from` to the later version `to`. */
export function whatChanged(from: ComparedVersion, to: ComparedVersion): VersionChanges {
  const base = {
    fromVersion: from.number,
    toVersion: to.number,
    title: from.title === to.title ? null : { from: from.title, to: to.title },
  };
  const notCompared = (why: VersionChanges['notCompared']): VersionChanges => ({ ...base, counts: null, blocks: [], truncated: false, notCompared: why });
  const { bodyBytes, blocks: maxBlocks, shown } = WHAT_CHANGED_LIMITS;
  if (utf8.encode(from.body).length > bodyBytes || utf8.encode(to.body).length > bodyBytes) return notCompared('tooLarge');
  const [fromBlocks, toBlocks] = [blocksOf(from.body), blocksOf(to.body)];
  if (fromBlocks.length > maxBlocks || toBlocks.length > maxBlocks) return notCompared('tooLarge');
  const changes = blockChanges(fromBlocks, toBlocks);
  if (changes === undefined) return notCompared('tooManyChanges');
  return { ...base, counts: countOf(changes), blocks: changes.slice(0, shown), truncated: changes.length > shown, notCompared: null };
}
