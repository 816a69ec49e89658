/**
 * What a workflow's "Edits that outdate an approval" needs to know of a new version of an
 * approved page. The page-updated event names no minor edit flag and no body (its Version has
 * only by, when and number: events-reference/confluence), so the version is read as the app,
 * and only when the option asks: every other edit costs no Confluence call.
 */
import { type ApprovalRequest } from '../domain/request';
import { AS_APP } from '../confluence/http';
import { getPageVersion } from '../confluence/page-version';
import { type ContentType } from '../shared/content';
import { type Workflow } from '../shared/workflow';

export interface EditFacts {
  minorEdit?: boolean;
  bodyChanged?: boolean;
}

export async function editFacts(approval: ApprovalRequest, type: ContentType, workflow: Workflow, newVersion: number): Promise<EditFacts> {
  switch (workflow.options.editsThatOutdate) {
    case 'exceptMinor':
      return { minorEdit: (await getPageVersion(AS_APP, approval.pageId, type, newVersion)).minorEdit };
    case 'bodyChanges': {
      // Against the approved version, not the previous one: kept edits must not add up to a changed body.
      const [approved, edited] = await Promise.all([
        getPageVersion(AS_APP, approval.pageId, type, approval.pageVersion, { withBody: true }),
        getPageVersion(AS_APP, approval.pageId, type, newVersion, { withBody: true }),
      ]);
      return { bodyChanged: approved.body !== edited.body };
    }
    default:
      return {};
  }
}
