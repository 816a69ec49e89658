/** What the queue screen asks for: a tab and its filters, as the listQueue contract takes them. */
import { type QueueTab } from '../../shared/contract';

export interface QueueFilters {
  workflowId?: string;
  submittedBy?: string;
  /** Submission days, `YYYY-MM-DD`, both ends included. */
  from?: string;
  to?: string;
}

export interface QueueQuery {
  tab: QueueTab;
  filters: QueueFilters;
}

export const TAB_LABELS: Record<QueueTab, string> = {
  mine: 'Pending for me',
  pending: 'All pending',
  approved: 'Approved',
  rejected: 'Rejected',
};

/** The same words the back end uses, so a range refused here reads like one refused there. */
export const RANGE_MESSAGE = 'The start date must be on or before the end date.';

export function rangeError(filters: QueueFilters): string | undefined {
  return filters.from !== undefined && filters.to !== undefined && filters.from > filters.to ? RANGE_MESSAGE : undefined;
}

export function hasFilters(filters: QueueFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined);
}

/** Pending tabs are where decisions happen; the others are records. */
export function isPendingTab(tab: QueueTab): boolean {
  return tab === 'mine' || tab === 'pending';
}
