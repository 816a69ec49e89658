/** Finding nodes in a ForgeDoc the way a user finds things on screen: by type, text and label. */
import {
  type ForgeDoc,
  type TextMatcher,
  describeMatcher,
  findByLabel,
  findByText,
  findByType,
  outline,
  textOf,
} from '../../../sandbox/ui-host';

function exactlyOne(found: ForgeDoc[], what: string, root: ForgeDoc): ForgeDoc {
  if (found.length === 1) return found[0];
  const problem = found.length === 0 ? `No node ${what}` : `${found.length} nodes ${what}; narrow the query (within(...))`;
  throw new Error(`${problem}\n${outline(root)}`);
}

function atLeastOne(found: ForgeDoc[], what: string, root: ForgeDoc): ForgeDoc[] {
  if (found.length === 0) throw new Error(`No node ${what}\n${outline(root)}`);
  return found;
}

function atMostOne(found: ForgeDoc[], what: string, root: ForgeDoc): ForgeDoc | null {
  if (found.length > 1) throw new Error(`${found.length} nodes ${what}; narrow the query (within(...))\n${outline(root)}`);
  return found[0] ?? null;
}

/** Queries over a subtree; `root` is read at every call because the reconciler mutates the tree. */
export class Queries {
  constructor(protected readonly root: () => ForgeDoc) {}

  getAllByType(type: string): ForgeDoc[] {
    return atLeastOne(findByType(this.root(), type), `of type ${type}`, this.root());
  }

  queryAllByType(type: string): ForgeDoc[] {
    return findByType(this.root(), type);
  }

  getByType(type: string): ForgeDoc {
    return exactlyOne(findByType(this.root(), type), `of type ${type}`, this.root());
  }

  /** The innermost element whose text (nested Strings included) is `text` (whitespace-normalised) or matches it. */
  getByText(text: TextMatcher): ForgeDoc {
    return exactlyOne(findByText(this.root(), text), `with text ${describeMatcher(text)}`, this.root());
  }

  getAllByText(text: TextMatcher): ForgeDoc[] {
    return atLeastOne(findByText(this.root(), text), `with text ${describeMatcher(text)}`, this.root());
  }

  queryByText(text: TextMatcher): ForgeDoc | null {
    return atMostOne(findByText(this.root(), text), `with text ${describeMatcher(text)}`, this.root());
  }

  /** A form field (Textfield, TextArea, Select, Checkbox…) named by its `<Label labelFor>` or its own `label`. */
  getByLabel(text: TextMatcher): ForgeDoc {
    return exactlyOne(findByLabel(this.root(), text), `labelled ${describeMatcher(text)}`, this.root());
  }

  queryByLabel(text: TextMatcher): ForgeDoc | null {
    return atMostOne(findByLabel(this.root(), text), `labelled ${describeMatcher(text)}`, this.root());
  }

  /** All visible text under `node` (the whole tree by default), whitespace-normalised. */
  textContent(node: ForgeDoc = this.root()): string {
    return textOf(node).replace(/\s+/g, ' ').trim();
  }

  within(node: ForgeDoc): Queries {
    return new Queries(() => node);
  }
}
