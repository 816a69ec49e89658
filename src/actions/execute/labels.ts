/**
 * Manage labels: adds and removes the configured labels on the page. The page's labels are read
 * first, so a re-run (re-entry, or a redelivered job) sends nothing for what is already as
 * configured. A label in both lists ends up removed: removing is the stricter wish.
 */
import { type WorkflowAction } from '../../shared/workflow';
import { addLabels, getLabelNames, removeLabel } from '../../confluence/labels';
import { AS_APP } from '../../confluence/http';
import { type ActionExecutor } from '../action-run';
import { PAGE_REFUSALS, refusalOutcome } from './failure';

type LabelsAction = Extract<WorkflowAction, { type: 'labels' }>;

export const manageLabels: ActionExecutor<LabelsAction> = async (run, action) => {
  try {
    const present = new Set(await getLabelNames(AS_APP, run.pageId, run.contentType));
    const removed = new Set(action.remove);
    const toAdd = [...new Set(action.add)].filter((name) => !present.has(name) && !removed.has(name));
    const toRemove = [...removed].filter((name) => present.has(name));
    await addLabels(AS_APP, run.pageId, toAdd);
    // One call per label: Confluence removes labels one at a time.
    await Promise.all(toRemove.map((name) => removeLabel(AS_APP, run.pageId, name)));
    return { ok: true, message: labelsMessage(toAdd, toRemove) };
  } catch (error) {
    return refusalOutcome(error, PAGE_REFUSALS);
  }
};

function labelsMessage(added: string[], removed: string[]): string {
  const parts = [...(added.length === 0 ? [] : [`added ${added.join(', ')}`]), ...(removed.length === 0 ? [] : [`removed ${removed.join(', ')}`])];
  return parts.length === 0 ? 'the labels were already as configured' : parts.join(' and ');
}
