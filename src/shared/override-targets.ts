/**
 * The statuses a space admin can force a page into, and the request status each leaves: a page
 * set back to Draft has its request withdrawn. The contract, the domain and both override forms
 * read them here, so the choices offered are the ones accepted.
 */
import { STATUS_LABELS } from './status';
import { listWords } from './wording';

export const OVERRIDE_TARGETS = ['draft', 'approved', 'changesRequested'] as const;
export type OverrideTarget = (typeof OVERRIDE_TARGETS)[number];

export const REQUEST_STATUS_OF_TARGET = {
  draft: 'withdrawn',
  approved: 'approved',
  changesRequested: 'changesRequested',
} as const satisfies Record<OverrideTarget, string>;

/** "Draft, Approved or Changes Requested". */
export const OVERRIDE_CHOICES = listWords(
  OVERRIDE_TARGETS.map((target) => STATUS_LABELS[target]),
  'or',
);
