/**
 * Small rules of English the product's sentences share, written once so the back end's messages
 * and the screens read alike.
 */

/** "Step 2 (Review)" from "step 2 (Review)": a sentence that starts with a generated phrase. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "needs a name" from "Needs a name": a message that follows "Step 2: ". */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** "Legal, Finance and HR" (conjunction 'and') or "Legal, Finance or HR" ('or'); one word alone, none empty. */
export function listWords(words: readonly string[], conjunction: 'and' | 'or'): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${conjunction} ${words[words.length - 1]}`;
}

/** "1 approval", "3 approvals": the count with its noun, for nouns that take an s. */
export function countOf(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
