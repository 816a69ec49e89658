/**
 * Two versions of a page read from Confluence and compared by the domain. Shared by the byline
 * dialog (read as the viewer, so Confluence decides what they may see) and the submission's
 * effects (read as the app, to size the change once for the comment and the queue).
 */
import { whatChanged } from '../domain/what-changed';
import { type ContentType } from '../shared/content';
import { type VersionChanges } from '../shared/what-changed';
import { type CallAs } from './http';
import { getPageVersion } from './page-version';

export async function compareVersions(callAs: CallAs, pageId: string, type: ContentType, versions: { from: number; to: number }): Promise<VersionChanges> {
  const [from, to] = await Promise.all([
    getPageVersion(callAs, pageId, type, versions.from, { withBody: true }),
    getPageVersion(callAs, pageId, type, versions.to, { withBody: true }),
  ]);
  return whatChanged({ number: from.number, title: from.title, body: from.body ?? '' }, { number: to.number, title: to.title, body: to.body ?? '' });
}
