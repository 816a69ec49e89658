import { type TreeRowView } from '../../shared/contract';
import { countOf } from '../../shared/wording';

/**
 * Where a row's workflows come from, in the words of the manage-space tab: the page's own
 * assignment, one inherited from a page above, the space default, or any enabled workflow.
 */
export function assignmentLabel(row: TreeRowView, titleOf: (id: string) => string | undefined): string {
  switch (row.origin) {
    case 'own':
      return row.ownAssignment?.scope === 'page' ? 'Own assignment (this page only)' : 'Own assignment (this page and its children)';
    case 'inherited': {
      const from = row.fromPageId === undefined ? undefined : titleOf(row.fromPageId);
      return `Inherited from ${from ?? 'a page above'}`;
    }
    case 'spaceDefault':
      return 'Space default';
    case 'space':
      return 'Any workflow';
    case 'none':
      return 'No workflow available';
  }
}

/**
 * The names shown above the label; "any workflow" says how many there are instead of every name.
 * An assignment whose workflows are all disabled still holds (nothing falls back), so it says so.
 */
export function workflowNames(row: TreeRowView): string {
  if (row.workflows.length === 0) return row.origin === 'own' || row.origin === 'inherited' ? 'Assigned workflows are disabled' : '—';
  if (row.origin === 'space') return countOf(row.workflows.length, 'enabled workflow');
  return row.workflows.map((w) => w.name).join(', ');
}
