/**
 * Submit: an author sends the page's current version for approval with a workflow that applies
 * to the page. The caller must be able to edit the page (asked of Confluence as the caller).
 */
import { randomUUID } from 'node:crypto';
import { type ApprovalRequest } from '../domain/request';
import { transition } from '../domain/request-machine';
import { unpublishedRefusal } from '../domain/submission';
import { LIVE_DOC_NOTICE } from '../shared/content';
import { AppError } from '../shared/errors';
import { type Workflow } from '../shared/workflow';
import { changePage } from './commit';
import { applicableWorkflows } from './applicable-workflows';
import { type Actor, baseRecord, type CommandResult, loadPageContext, type PageContext, pageFacts } from './page-context';
import { accepted, refusal } from './refusal';

export interface SubmitInput {
  pageId: string;
  workflowId?: string;
  comment?: string;
}

function chooseWorkflow(workflows: readonly Workflow[], workflowId: string | undefined): Workflow {
  if (workflows.length === 0) {
    throw new AppError('PRECONDITION', 'No approval workflow applies to this page. Ask a space admin to create one or assign one to this page.');
  }
  if (workflowId !== undefined) {
    const chosen = workflows.find((workflow) => workflow.id === workflowId);
    if (chosen === undefined) {
      throw new AppError('VALIDATION', `That workflow does not apply to this page. Choose one of: ${workflows.map((w) => w.name).join(', ')}.`);
    }
    return chosen;
  }
  if (workflows.length > 1) throw new AppError('VALIDATION', `Choose a workflow: ${workflows.map((w) => w.name).join(', ')}.`);
  return workflows[0];
}

/** The caller flushes `context.cache` once its response is built. */
export async function submitInContext(context: PageContext, input: Omit<SubmitInput, 'pageId'>): Promise<CommandResult<ApprovalRequest>> {
  const { access, actorId } = context;
  if (context.liveDoc) throw new AppError('PRECONDITION', LIVE_DOC_NOTICE);
  // A published copy follows its source: an approval of the copy would be overwritten by the next publication.
  if (context.publishedFrom !== undefined && context.record === undefined) {
    throw new AppError('PRECONDITION', `This page is a published copy of ${context.publishedFrom.sourceTitle} (${context.publishedFrom.sourceSpaceKey}): submit the source page instead.`);
  }
  if (!access.canEdit) throw new AppError('FORBIDDEN', "You can't edit this page, so you can't submit it for approval.");
  const unpublished = unpublishedRefusal(access.page);
  if (unpublished !== null) throw refusal(unpublished);
  const workflow = chooseWorkflow(await applicableWorkflows(context), input.workflowId);
  const requestId = randomUUID();
  const page = { id: context.pageId, spaceId: context.spaceId, version: access.page.version, title: access.page.title, status: 'current' as const };
  let attempt = 0;
  const outcome = await changePage(context.pageId, context.record, (stored) => {
    attempt += 1;
    const base = baseRecord(context, stored);
    const latest = base.latest;
    // Two clicks at once: the click that lost the race gets the request the other one started.
    if (attempt > 1 && latest?.status === 'inApproval' && latest.submittedBy === actorId && latest.pageVersion === page.version) {
      return { value: latest, change: null };
    }
    const at = new Date().toISOString();
    const result = accepted(
      transition(null, { type: 'submit', requestId, actorId, page, workflow, previous: latest, comment: input.comment }, at),
    );
    const requests = result.superseded === undefined ? [result.request] : [result.superseded, result.request];
    return { value: result.request, change: { base, requests, events: result.events, page: pageFacts(context), at } };
  });
  return outcome;
}

/**
 * Also the manage-space screen's submit, with a page id from its payload: `actor.spaceId` (the
 * screen's space) makes sure the page is in that space, and Confluence is asked as the caller.
 */
export async function submitPage(actor: Actor, input: SubmitInput): Promise<ApprovalRequest> {
  const context = await loadPageContext(actor, input.pageId);
  const { value } = await submitInContext(context, input);
  await context.cache.flush();
  return value;
}
