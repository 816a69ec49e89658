/**
 * An auditor's offline check of an exported audit chain, written from docs/audit.md alone: it
 * imports nothing from src/, so a test that uses it checks the export against the documented
 * form, not against the app's own hashing.
 */
import { createHash } from 'node:crypto';

/** JSON with object keys sorted (by UTF-16 code units) at every level, no whitespace. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => canonical(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined).sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ExportedEntry {
  hash: string;
  /** Hashed as a whole: every field it has counts, not only these. */
  hashed: { seq: number; prevHash: string; bodyHash: string };
  body?: unknown;
}

/** The first seq where the export does not recompute, or null when the whole chain does and ends at the head. */
export function firstBrokenSeq(head: { seq: number; hash: string }, entries: readonly ExportedEntry[]): number | null {
  let prevHash = '0'.repeat(64);
  let seq = 0;
  for (const entry of entries) {
    seq += 1;
    const { hashed } = entry;
    const bodyMatches = entry.body === undefined || sha256(canonical(entry.body)) === hashed.bodyHash;
    if (hashed.seq !== seq || hashed.prevHash !== prevHash || !bodyMatches || sha256(canonical(hashed)) !== entry.hash) return seq;
    prevHash = entry.hash;
  }
  if (seq !== head.seq) return Math.min(seq, head.seq) + 1;
  return prevHash === head.hash ? null : seq;
}
