/**
 * The space sidebar: the space's name, its overview, the app's space pages (e.g. Approvals),
 * space settings for space admins, the content tree and the blog.
 */
import { type ReactElement, type ReactNode } from 'react';
import { token } from '@atlaskit/tokens';
import { Glyph } from '../uikit/components/icon';
import { BlogList } from './blog-list';
import { type Ancestor, type Results, type Space } from './confluence-types';
import { PageTree } from './page-tree';
import { type Route, hrefOf } from './routes';
import { useShell, useWiki } from './shell-context';
import { useIsSpaceAdmin } from './space-data';

function SideLink({ href, glyph, selected, children, testId }: { href: string; glyph: string; selected: boolean; children: ReactNode; testId?: string }): ReactElement {
  return (
    <a
      href={href}
      data-testid={testId}
      aria-current={selected ? 'page' : undefined}
      style={{
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100'),
        height: 32,
        padding: `0 ${token('space.100')}`,
        borderRadius: token('border.radius'),
        textDecoration: 'none',
        font: token('font.body'),
        color: selected ? token('color.text.selected') : token('color.text.subtle'),
        backgroundColor: selected ? token('color.background.selected') : undefined,
      }}
    >
      <Glyph glyph={glyph} label="" size={16} />
      {children}
    </a>
  );
}

function SpaceBadge({ space }: { space: Space }): ReactElement {
  return (
    <span
      aria-hidden
      style={{
        width: 24,
        height: 24,
        borderRadius: token('border.radius'),
        backgroundColor: token('color.background.accent.blue.subtle'),
        color: token('color.text.inverse'),
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        font: token('font.heading.xxsmall'),
      }}
    >
      {space.key.slice(0, 2)}
    </span>
  );
}

export function Sidebar({ space, route }: { space: Space; route: Route }): ReactElement {
  const { app } = useShell();
  const isAdmin = useIsSpaceAdmin(space.id);
  const pageId = route.kind === 'page' || route.kind === 'edit' ? route.pageId : null;
  const ancestors = useWiki<Results<Ancestor>>(pageId === null ? null : `/wiki/api/v2/pages/${encodeURIComponent(pageId)}/ancestors`);
  const openIds = new Set((ancestors.data?.results ?? []).map((ancestor) => ancestor.id));
  const spacePages = app.modules.filter((module) => module.type === 'confluence:spacePage' && module.route !== null);
  const hasSettings = app.modules.some((module) => module.type === 'confluence:spaceSettings');
  return (
    <aside
      data-testid="space-sidebar"
      style={{ gridArea: 'side', borderRight: `1px solid ${token('color.border')}`, backgroundColor: token('elevation.surface'), padding: token('space.150'), overflowY: 'auto', display: 'flex', flexDirection: 'column', gap: token('space.050') }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), padding: `${token('space.100')} ${token('space.100')} ${token('space.150')}` }}>
        <SpaceBadge space={space} />
        <span style={{ font: token('font.heading.xsmall'), color: token('color.text') }}>{space.name}</span>
      </div>
      {space.homepageId !== null && (
        <SideLink href={hrefOf({ kind: 'page', spaceKey: space.key, pageId: space.homepageId })} glyph="home" selected={pageId === space.homepageId}>
          Overview
        </SideLink>
      )}
      {spacePages.map((module) => (
        <SideLink
          key={module.key}
          testId={`space-app-link-${module.key}`}
          href={hrefOf({ kind: 'space-app', spaceKey: space.key, appRoute: module.route ?? '' })}
          glyph="app"
          selected={route.kind === 'space-app' && route.appRoute === module.route}
        >
          {module.title}
        </SideLink>
      ))}
      {hasSettings && isAdmin === true && (
        <SideLink testId="space-settings-link" href={hrefOf({ kind: 'space-settings', spaceKey: space.key, appRoute: null })} glyph="settings" selected={route.kind === 'space-settings'}>
          Space settings
        </SideLink>
      )}
      <div style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtlest'), padding: `${token('space.200')} ${token('space.100')} ${token('space.050')}` }}>Content</div>
      {space.homepageId !== null && <PageTree spaceKey={space.key} homepageId={space.homepageId} currentId={pageId} openIds={openIds} />}
      <BlogList space={space} currentId={route.kind === 'blogpost' || route.kind === 'edit-blogpost' ? route.blogPostId : null} />
    </aside>
  );
}
