/**
 * A page or a blog post as Confluence shows it: breadcrumbs (a blog post's lead to the space's
 * blog), the app's page banners, title, the byline (author, last update, version and the app's
 * byline items), an Edit action for those who may edit, and the body. Content the acting user may not see answers 404
 * from Confluence and is shown as not found, exactly like content that does not exist.
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
import { type Ancestor, type Content, type ContentType, type ListedPage, type Person, type Results, type Space } from './confluence-types';
import { contentApiPath, editRouteOf } from './content';
import { PageBanners } from './page-banners';
import { ProblemPage } from './problem-page';
import { hrefOf, navigate } from './routes';
import { useShell, useWiki } from './shell-context';
import { StorageFormat } from './storage-format';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Blog posts have no ancestors: Confluence's breadcrumbs lead from the space to its blog. */
function Ancestors({ content, type, space }: { content: Content; type: ContentType; space: Space }): ReactElement {
  const ancestors = useWiki<Results<Ancestor>>(type === 'page' ? `/wiki/api/v2/pages/${encodeURIComponent(content.id)}/ancestors` : null);
  const ids = (ancestors.data?.results ?? []).filter((ancestor) => ancestor.type === 'page').map((ancestor) => ancestor.id);
  const pages = useWiki<Results<ListedPage>>(ids.length === 0 ? null : `/wiki/api/v2/pages?id=${ids.join(',')}`);
  const titles = new Map((pages.data?.results ?? []).map((ancestor) => [ancestor.id, ancestor.title]));
  return (
    <Breadcrumbs>
      <BreadcrumbsItem text={space.name} href={hrefOf({ kind: 'space', spaceKey: space.key })} />
      {type === 'blogpost' && <BreadcrumbsItem text="Blog" />}
      {ids.map((id) => (
        <BreadcrumbsItem key={id} text={titles.get(id) ?? '…'} href={hrefOf({ kind: 'page', spaceKey: space.key, pageId: id })} />
      ))}
    </Breadcrumbs>
  );
}

/**
 * Only page lists (PageBulk) say whether a page is a live doc, and the byline's extension
 * context must say it (`content.subtype`), so the items wait for that answer.
 */
function useSubtype(content: Content, type: ContentType): { subtype: string | null } | undefined {
  const listed = useWiki<Results<ListedPage>>(type === 'page' ? `/wiki/api/v2/pages?id=${encodeURIComponent(content.id)}` : null);
  if (type === 'blogpost') return { subtype: null };
  return listed.data === undefined ? undefined : { subtype: listed.data.results[0]?.subtype ?? null };
}

function Byline({ page, type, space }: { page: Content; type: ContentType; space: Space }): ReactElement {
  const { app } = useShell();
  const subtype = useSubtype(page, type);
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
      {subtype !== undefined && <BylineItems modules={modules} content={{ id: page.id, type, subtype: subtype.subtype }} space={space} />}
    </div>
  );
}

function Banners({ page, type, space }: { page: Content; type: ContentType; space: Space }): ReactElement | null {
  const subtype = useSubtype(page, type);
  return subtype === undefined ? null : <PageBanners content={{ id: page.id, type, subtype: subtype.subtype }} space={space} />;
}

/** Confluence offers Edit only to people who may update the page or blog post. */
function canEdit(content: Content, type: ContentType): boolean {
  return (content.operations?.results ?? []).some((o) => o.operation === 'update' && o.targetType === type);
}

export function PageView({ pageId, type, space }: { pageId: string; type: ContentType; space: Space | null }): ReactElement {
  const page = useWiki<Content>(`${contentApiPath(type, pageId)}?body-format=storage&include-operations=true`);
  const pageSpace = useWiki<Space>(page.data === undefined || space !== null ? null : `/wiki/api/v2/spaces/${encodeURIComponent(page.data.spaceId)}`);
  const shownSpace = space ?? pageSpace.data ?? null;
  const noun = type === 'blogpost' ? 'blog post' : 'page';
  if (page.error !== undefined) {
    return page.error.status === 404 ? (
      <ProblemPage testId="page-not-found" title="Page not found" detail={`This ${noun} doesn't exist, or it's restricted and you don't have permission to view it. Switch to someone who can see it.`} />
    ) : (
      <ProblemPage testId="page-error" title={`This ${noun} could not be loaded`} detail={page.error.message} />
    );
  }
  if (page.data === undefined || shownSpace === null) return <Spinner size="large" label={`Loading ${noun}`} />;
  const current = page.data;
  return (
    <article data-testid="page-view" data-page-id={current.id} data-content-type={type} style={{ maxWidth: 760, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: token('space.200') }}>
      <div style={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: token('space.200') }}>
        <Ancestors content={current} type={type} space={shownSpace} />
        {canEdit(current, type) && (
          <Button appearance="default" testId="edit-page" onClick={() => navigate(editRouteOf(type, shownSpace.key, current.id))}>
            Edit
          </Button>
        )}
      </div>
      <Banners page={current} type={type} space={shownSpace} />
      <Heading size="xlarge" as="h1" testId="page-title">
        {current.title}
      </Heading>
      <Byline page={current} type={type} space={shownSpace} />
      <div data-testid="page-body" style={{ font: token('font.body.large'), color: token('color.text') }}>
        <StorageFormat value={current.body?.storage?.value ?? ''} />
      </div>
    </article>
  );
}
