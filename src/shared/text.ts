/**
 * Free text a person types (comments, notes, reasons, names, descriptions): cleaned once, the
 * same way for every field, before anything is stored or written to Confluence. Control
 * characters other than a line break or a tab, and halves of surrogate pairs without their
 * other half, cannot be shown and are refused by some stores (a lone surrogate is not valid
 * UTF-8), so they are dropped; format characters such as zero-width joiners stay, since emoji
 * and several scripts need them, but they never count as visible text.
 */
import { z } from 'zod';

/** Control characters but a line break or a tab; with the `u` flag `\p{Cs}` matches only a lone surrogate half. */
const UNSHOWABLE = /(?![\n\t])\p{Cc}|\p{Cs}/gu;

/** A letter, digit, punctuation mark or symbol that is not one of the characters renderers ignore. */
const VISIBLE = /(?!\p{Default_Ignorable_Code_Point})[\p{L}\p{N}\p{P}\p{S}]/u;

export function cleanText(value: string): string {
  return value.replace(UNSHOWABLE, '');
}

/** Whether a reader would see anything: not only spaces, zero-width or other invisible characters. */
export function hasVisibleText(value: string): boolean {
  return VISIBLE.test(value);
}

/** Optional free text: cleaned and trimmed; may end up empty. */
export function freeText(what: string, max: number) {
  return z
    .string({ error: `${what} must be text` })
    .transform(cleanText)
    .pipe(z.string().trim().max(max, `${what} must be at most ${max} characters`));
}

/** Required free text: cleaned and trimmed, and something in it must be visible. */
export function requiredFreeText(what: string, max: number) {
  return z
    .string({ error: `${what} is required` })
    .transform(cleanText)
    .pipe(
      z
        .string()
        .trim()
        .max(max, `${what} must be at most ${max} characters`)
        .refine(hasVisibleText, { error: `${what} is required` }),
    );
}
