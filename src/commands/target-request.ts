import { type ApprovalRequest } from '../domain/request';
import { AppError } from '../shared/errors';
import { type PageRecord } from '../storage/page-state';
import { getRequest } from '../storage/requests';

/**
 * The request a command names, as of `record`: the page's latest request or its latest approval
 * come with the record; an older request (a decision arriving after the review moved on) is read,
 * so the domain can say why it no longer applies, or recognise a repeat.
 */
export async function requestOnPage(record: PageRecord | undefined, pageId: string, requestId: string): Promise<ApprovalRequest> {
  const known = [record?.latest, record?.earlierApproval].find((request) => request?.id === requestId);
  const request = known ?? (await getRequest(requestId));
  if (request === undefined || request === null || request.pageId !== pageId) {
    throw new AppError('NOT_FOUND', 'This approval request does not exist on this page. Reload the page to see its current approval.');
  }
  return request;
}
