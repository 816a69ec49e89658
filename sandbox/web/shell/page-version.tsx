/**
 * An earlier version of a page or blog post, at Confluence's `viewpage.action?pageId=…&pageVersion=…`:
 * a notice that this is not the current version with a link to it, then that version's title,
 * author, date and body, read from Confluence's v2 API (`GET /pages/{id}?version=N`). The app's
 * byline items and banners are not drawn on it (docs/sandbox-runtime.md, "Undocumented").
 * The current version's number opens the page itself.
 */
import { type ReactElement, useEffect } from 'react';
import Heading from '@atlaskit/heading';
import SectionMessage from '@atlaskit/section-message';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { type Content, type Person } from './confluence-types';
import { ProblemPage } from './problem-page';
import { hrefOf, pathOf } from './routes';
import { useWiki } from './shell-context';
import { StorageFormat } from './storage-format';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function PageVersionView({ pageId, version }: { pageId: string; version: number }): ReactElement {
  const id = encodeURIComponent(pageId);
  const current = useWiki<Content>(`/wiki/api/v2/pages/${id}`);
  const currentPost = useWiki<Content>(current.error?.status === 404 ? `/wiki/api/v2/blogposts/${id}` : null);
  const latest = current.data ?? currentPost.data;
  const base = current.data !== undefined ? 'pages' : 'blogposts';
  const old = useWiki<Content>(latest === undefined || latest.version.number === version ? null : `/wiki/api/v2/${base}/${id}?version=${version}&body-format=storage`);
  const author = useWiki<Person>(old.data === undefined ? null : `/wiki/rest/api/user?accountId=${encodeURIComponent(old.data.version.authorId)}`);
  const isCurrent = latest !== undefined && latest.version.number === version;
  useEffect(() => {
    if (isCurrent) location.replace(`#${pathOf({ kind: 'page', spaceKey: null, pageId })}`);
  }, [isCurrent, pageId]);

  const failed = (current.error !== undefined && (current.error.status !== 404 || currentPost.error !== undefined)) || old.error !== undefined;
  if (failed) {
    return <ProblemPage testId="page-not-found" title="Page not found" detail={`Version ${version} of this page doesn't exist, or it's restricted and you don't have permission to view it.`} />;
  }
  if (old.data === undefined) return <Spinner size="large" label="Loading version" />;
  const shown = old.data;
  return (
    <article data-testid="page-version-view" data-page-id={pageId} data-version={version} style={{ maxWidth: 760, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <SectionMessage appearance="information" testId="old-version-notice">
        <p style={{ margin: 0 }}>
          You are viewing an old version of this {base === 'pages' ? 'page' : 'blog post'} (v{version}). <a href={hrefOf({ kind: 'page', spaceKey: null, pageId })}>View the current version</a> (v{latest?.version.number}).
        </p>
      </SectionMessage>
      <Heading size="xlarge" as="h1" testId="page-title">
        {shown.title}
      </Heading>
      <div data-testid="page-version" data-version={shown.version.number} style={{ color: token('color.text.subtle'), font: token('font.body.small') }}>
        Version {shown.version.number}, saved {DATE.format(new Date(shown.version.createdAt))} by {author.data?.displayName ?? '…'}
      </div>
      <div data-testid="page-body" style={{ font: token('font.body.large'), color: token('color.text') }}>
        <StorageFormat value={shown.body?.storage?.value ?? ''} />
      </div>
    </article>
  );
}
