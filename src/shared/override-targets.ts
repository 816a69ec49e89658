/**
 * The statuses a space admin can force a page into, and the request status each leaves: a page
 * set back to Draft has its request withdrawn. The contract, the domain and both override forms
 * read them here, so the choices offered are the ones accepted.
 */
import { STATUS_LABELS } from './status';

export const OVERRIDE_TARGETS = ['draft', 'approved', 'changesRequested'] as const;
export type OverrideTarget = (typeof OVERRIDE_TARGETS)[number];

export const REQUEST_STATUS_OF_TARGET = {
  draft: 'withdrawn',
  approved: 'approved',
  changesRequested: 'changesRequested',
} as const satisfies Record<OverrideTarget, string>;

/** "Draft, Approved or Changes Requested". */
export const OVERRIDE_CHOICES = `${OVERRIDE_TARGETS.slice(0, -1)
  .map((target) => STATUS_LABELS[target])
  .join(', ')} or ${STATUS_LABELS[OVERRIDE_TARGETS[OVERRIDE_TARGETS.length - 1]]}`;
