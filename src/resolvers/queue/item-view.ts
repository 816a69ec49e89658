/**
 * One row of the approval queue, as the viewer sees it: where the request stands, whether it is
 * overdue, and whether the viewer can decide on it now.
 */
import { awaitsDecisionFrom } from '../../domain/approver-seat';
import { isOverdue } from '../../domain/overdue';
import { type ApprovalRequest } from '../../domain/request';
import { type ContentType } from '../../shared/content';
import { type QueueItemView } from '../../shared/contract/queue';
import { type ChangeSize, type ChangeSizeLookup } from '../../storage/change-sizes';

export interface QueueItemContext {
  viewerId: string;
  /** The viewer's groups among the space's approver groups. */
  viewerGroupIds: readonly string[];
  now: Date;
  /** Display names by account id; a missing name shows the id. */
  names: ReadonlyMap<string, string>;
  /** Current page titles by page id; the title at submission when missing. */
  titles: ReadonlyMap<string, string>;
  /** What each item's content is and where it lives, as Confluence answered for it. */
  contents: ReadonlyMap<string, { type: ContentType; url: string }>;
  /** Stored change sizes by request id: only resubmissions after an approval have one. */
  sizes: ChangeSizeLookup;
}

function changeSizeOf(size: ChangeSize | undefined): Pick<QueueItemView, 'changeSize'> {
  if (size?.counts == null) return {};
  const { added, removed, changed } = size.counts;
  return { changeSize: { sinceVersion: size.fromVersion, added: added + changed, removed: removed + changed } };
}

export function queueItem(request: ApprovalRequest, context: QueueItemContext): QueueItemView {
  const inApproval = request.status === 'inApproval';
  const step = request.steps[request.currentStepIndex];
  const dueAt = inApproval ? step?.dueAt : undefined;
  return {
    requestId: request.id,
    pageId: request.pageId,
    contentType: context.contents.get(request.pageId)?.type ?? 'page',
    url: context.contents.get(request.pageId)?.url ?? `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(request.pageId)}`,
    pageTitle: context.titles.get(request.pageId) ?? request.pageTitle,
    version: request.pageVersion,
    workflowId: request.workflow.id,
    workflowName: request.workflow.name,
    submittedBy: { accountId: request.submittedBy, displayName: context.names.get(request.submittedBy) ?? request.submittedBy },
    submittedAt: request.submittedAt,
    status: request.status,
    step: inApproval
      ? {
          index: request.currentStepIndex,
          number: request.currentStepIndex + 1,
          count: request.workflow.steps.length,
          name: request.workflow.steps[request.currentStepIndex]?.name ?? '',
        }
      : null,
    ...(dueAt === undefined ? {} : { dueAt }),
    overdue: isOverdue(request, context.now),
    ...(request.decidedAt === undefined ? {} : { decidedAt: request.decidedAt }),
    canDecide: awaitsDecisionFrom(request, context.viewerId, context.viewerGroupIds),
    ...changeSizeOf(context.sizes.get(request.id)),
  };
}
