/**
 * A new version of a page: an approved page becomes Outdated (and is submitted again when its
 * workflow says so), a review restarts or keeps going per its workflow, and a version the app
 * made itself stays covered. The page's known version moves on in every case.
 */
import { randomUUID } from 'node:crypto';
import { type ApprovalRequest } from '../domain/request';
import { transition } from '../domain/request-machine';
import { type Workflow } from '../shared/workflow';
import { changePage } from './commit';
import { contentTypeOf, getPageRecord, latestApproved, type PageRecord } from '../storage/page-state';
import { getWorkflow } from '../storage/workflows';
import { editFacts } from './edit-facts';

export interface PageEdit {
  pageId: string;
  newVersion: number;
  editorId: string;
  title?: string;
  /** The app itself made the version (a title action). */
  byApp: boolean;
}

/** The request an edit speaks to: a running review, else the approval the page still shows. */
function affectedRequest(record: PageRecord): ApprovalRequest | null {
  const { latest } = record;
  if (latest?.status === 'inApproval' || latest?.status === 'approved') return latest;
  return latestApproved(record);
}

/** Whether the edit may start a new request, which then uses the workflow as it is now. */
function mayResubmit(request: ApprovalRequest): boolean {
  const { options } = request.workflow;
  return request.status === 'approved' ? request.outdatedByVersion === undefined : options.onEditDuringReview === 'restart';
}

async function currentWorkflow(request: ApprovalRequest): Promise<{ workflow?: Workflow }> {
  return { workflow: (await getWorkflow(request.workflow.id)) ?? request.workflow };
}

export async function pageEdited(edit: PageEdit): Promise<void> {
  const record = await getPageRecord(edit.pageId);
  // A page never submitted has no approval state to keep up to date.
  if (record === undefined) return;
  const target = affectedRequest(record);
  const now = target !== null && !edit.byApp && mayResubmit(target) ? await currentWorkflow(target) : {};
  const facts = target?.status === 'approved' && now.workflow !== undefined ? await editFacts(target, contentTypeOf(record), now.workflow, edit.newVersion) : {};
  const requestId = randomUUID();
  await changePage(edit.pageId, record, (stored) => {
    if (stored === undefined) return { value: undefined, change: null };
    const at = new Date().toISOString();
    const page = { currentVersion: edit.newVersion };
    // A repeated or late event changes nothing; the domain recognises repeats by the versions a request covers.
    const versionOnly = { value: undefined, change: edit.newVersion > stored.currentVersion ? { base: stored, requests: [], events: [], page, at } : null };
    const request = affectedRequest(stored);
    if (request === null) return versionOnly;
    const result = transition(
      request,
      { type: 'pageEdited', newVersion: edit.newVersion, editorId: edit.editorId, requestId, title: edit.title, byApp: edit.byApp, ...now, ...facts },
      at,
    );
    if (!result.ok) {
      // A restart that cannot start leaves the review running on the submitted version.
      console.warn(`page ${edit.pageId} v${edit.newVersion}: ${result.error.message}`);
      return versionOnly;
    }
    if (result.events.length === 0) return versionOnly;
    const changed = result.events.some((event) => event.requestId === request.id) ? [result.request] : [];
    const requests = result.resubmission === undefined ? changed : [...changed, result.resubmission];
    return { value: undefined, change: { base: stored, requests, events: result.events, page, at } };
  });
}
