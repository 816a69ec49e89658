/**
 * What changed between the approved version of a page and a later one, as the byline dialog
 * shows it to a reviewer: the blocks a reader sees (paragraphs, list items, table cells,
 * headings) added, removed or changed, with the changed words marked.
 */

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'tableCell';

/** A run of a changed block's words: kept, or only in the approved (`removed`) or the new (`added`) version. */
export interface WordRun {
  text: string;
  change?: 'added' | 'removed';
}

export interface BlockChange {
  kind: BlockKind;
  change: 'added' | 'removed' | 'changed';
  /** An added or removed block is one run; a changed block its words, marked. */
  runs: WordRun[];
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

/** Why the blocks could not be compared: the dialog says so instead of showing a partial picture. */
export type NotCompared = 'tooLarge' | 'tooManyChanges';

export interface VersionChanges {
  fromVersion: number;
  toVersion: number;
  title: { from: string; to: string } | null;
  /**
   * Labels added and removed since the approved version was submitted (Confluence keeps no label
   * history: the app records them at submission); absent when that version's labels are unknown.
   */
  labels?: { added: string[]; removed: string[] };
  /** Null when the bodies were not compared (`notCompared` says why). */
  counts: ChangeCounts | null;
  /** The first changes, in page order; `counts` counts them all. */
  blocks: BlockChange[];
  /** More changes than `blocks` holds. */
  truncated: boolean;
  notCompared: NotCompared | null;
}
