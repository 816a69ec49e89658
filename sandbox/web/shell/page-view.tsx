/**
 * A page as Confluence shows it: breadcrumbs, title, the byline (author, last update, version
 * and the app's byline items), an Edit action for those who may edit, and the body. Content the acting user may not
 * see answers 404 from Confluence and is shown as not found, exactly like content that does
 * not exist.
 */
import { type ReactElement } from 'react';
import Avatar from '@atlaskit/avatar';
import Breadcrumbs, { BreadcrumbsItem } from '@atlaskit/breadcrumbs';
import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import Lozenge from '@atlaskit/lozenge';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { avatarUrl } from '../common/avatar';
import { BylineItems } from './byline-item';
import { type Ancestor, type Page, type Person, type Results, type Space } from './confluence-types';
import { ProblemPage } from './problem-page';
import { hrefOf, navigate } from './routes';
import { useShell, useWiki } from './shell-context';
import { StorageFormat } from './storage-format';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

function Ancestors({ page, space }: { page: Page; space: Space }): ReactElement {
  const ancestors = useWiki<Results<Ancestor>>(`/wiki/api/v2/pages/${encodeURIComponent(page.id)}/ancestors`);
  const ids = (ancestors.data?.results ?? []).filter((ancestor) => ancestor.type === 'page').map((ancestor) => ancestor.id);
  const pages = useWiki<Results<Page>>(ids.length === 0 ? null : `/wiki/api/v2/pages?id=${ids.join(',')}`);
  const titles = new Map((pages.data?.results ?? []).map((ancestor) => [ancestor.id, ancestor.title]));
  return (
    <Breadcrumbs>
      <BreadcrumbsItem text={space.name} href={hrefOf({ kind: 'space', spaceKey: space.key })} />
      {ids.map((id) => (
        <BreadcrumbsItem key={id} text={titles.get(id) ?? '…'} href={hrefOf({ kind: 'page', spaceKey: space.key, pageId: id })} />
      ))}
    </Breadcrumbs>
  );
}

function Byline({ page, space }: { page: Page; space: Space }): ReactElement {
  const { app } = useShell();
  const author = useWiki<Person>(`/wiki/rest/api/user?accountId=${encodeURIComponent(page.version.authorId)}`);
  const owner = useWiki<Person>(`/wiki/rest/api/user?accountId=${encodeURIComponent(page.authorId)}`);
  const modules = app.modules.filter((module) => module.type === 'confluence:contentBylineItem' && module.native);
  const ownerName = owner.data?.displayName ?? '…';
  return (
    <div data-testid="page-byline" style={{ display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: token('space.100'), color: token('color.text.subtle'), font: token('font.body.small') }}>
      <Avatar size="small" name={ownerName} src={avatarUrl(ownerName, page.authorId)} />
      <span>
        By <strong style={{ color: token('color.text') }}>{ownerName}</strong>
      </span>
      <span aria-hidden>·</span>
      <span data-testid="page-version" data-version={page.version.number} title={page.version.message}>
        Updated {DATE.format(new Date(page.version.createdAt))} by {author.data?.displayName ?? '…'} · v{page.version.number}
      </span>
      {page.status === 'draft' && <Lozenge appearance="moved">Draft</Lozenge>}
      {modules.length > 0 && <span aria-hidden>·</span>}
      <BylineItems modules={modules} page={page} space={space} />
    </div>
  );
}

/** Confluence offers Edit only to people who may update the page. */
function canEdit(page: Page): boolean {
  return (page.operations?.results ?? []).some((o) => o.operation === 'update' && o.targetType === 'page');
}

export function PageView({ pageId, space }: { pageId: string; space: Space | null }): ReactElement {
  const page = useWiki<Page>(`/wiki/api/v2/pages/${encodeURIComponent(pageId)}?body-format=storage&include-operations=true`);
  const pageSpace = useWiki<Space>(page.data === undefined || space !== null ? null : `/wiki/api/v2/spaces/${encodeURIComponent(page.data.spaceId)}`);
  const shownSpace = space ?? pageSpace.data ?? null;
  if (page.error !== undefined) {
    return page.error.status === 404 ? (
      <ProblemPage testId="page-not-found" title="Page not found" detail="This page doesn't exist, or it's restricted and you don't have permission to view it. Switch to someone who can see it." />
    ) : (
      <ProblemPage testId="page-error" title="This page could not be loaded" detail={page.error.message} />
    );
  }
  if (page.data === undefined || shownSpace === null) return <Spinner size="large" label="Loading page" />;
  const current = page.data;
  return (
    <article data-testid="page-view" data-page-id={current.id} style={{ maxWidth: 760, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.200') }}>
        <Ancestors page={current} space={shownSpace} />
        {canEdit(current) && (
          <Button appearance="default" testId="edit-page" onClick={() => navigate({ kind: 'edit', spaceKey: shownSpace.key, pageId: current.id })}>
            Edit
          </Button>
        )}
      </div>
      <Heading size="xlarge" as="h1" testId="page-title">
        {current.title}
      </Heading>
      <Byline page={current} space={shownSpace} />
      <div data-testid="page-body" style={{ font: token('font.body.large'), color: token('color.text') }}>
        <StorageFormat value={current.body?.storage?.value ?? ''} />
      </div>
    </article>
  );
}
