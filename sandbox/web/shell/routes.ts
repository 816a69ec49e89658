/**
 * Where the shell is, kept in the URL's hash so a reload or a shared link opens the same view.
 * Paths mirror Confluence Cloud's (`/spaces/ENG/pages/10020`, `/spaces/ENG/apps/approvals`,
 * a blog post's dated `/spaces/ENG/blog/2026/11/22/10070/Release+4.2`), and a `/wiki` prefix is
 * accepted, since that is how apps write product links. The shell's own blog post links are the
 * short `/spaces/ENG/blog/10070`. An earlier version has Confluence's classic address,
 * `/pages/viewpage.action?pageId=10020&pageVersion=7` (pages and blog posts alike).
 */
import { useEffect, useState } from 'react';

export type Route =
  | { kind: 'home' }
  | { kind: 'space'; spaceKey: string }
  | { kind: 'page'; spaceKey: string | null; pageId: string }
  | { kind: 'edit'; spaceKey: string | null; pageId: string }
  | { kind: 'version'; pageId: string; version: number }
  | { kind: 'blogpost'; spaceKey: string; blogPostId: string }
  | { kind: 'edit-blogpost'; spaceKey: string; blogPostId: string }
  | { kind: 'space-settings'; spaceKey: string; appRoute: string | null }
  | { kind: 'space-app'; spaceKey: string; appRoute: string }
  | { kind: 'global-app'; appRoute: string }
  | { kind: 'not-found'; path: string };

/** `{id}` or `{id}/edit` after `/blog/`, or Confluence's `{yyyy}/{mm}/{dd}/{id}/{title}`. */
function blogRoute(spaceKey: string, rest: string[]): Route | null {
  const dated = rest.length >= 4 && /^\d{4}$/.test(rest[0]) && /^\d{2}$/.test(rest[1]) && /^\d{2}$/.test(rest[2]);
  if (dated) return { kind: 'blogpost', spaceKey, blogPostId: rest[3] };
  if (rest.length === 1) return { kind: 'blogpost', spaceKey, blogPostId: rest[0] };
  if (rest.length === 2 && rest[1] === 'edit') return { kind: 'edit-blogpost', spaceKey, blogPostId: rest[0] };
  return null;
}

/** `viewpage.action` names the content and the version in its query. */
function versionRoute(query: string): Route | null {
  const params = new URLSearchParams(query);
  const pageId = params.get('pageId');
  const version = Number(params.get('pageVersion'));
  if (pageId === null || pageId === '') return null;
  return Number.isInteger(version) && version >= 1 ? { kind: 'version', pageId, version } : { kind: 'page', spaceKey: null, pageId };
}

export function parsePath(raw: string): Route {
  const [rawPath, query = ''] = raw.replace(/^#/, '').split('?');
  const path = rawPath.replace(/^\/wiki(?=\/|$)/, '');
  if (path === '/pages/viewpage.action') return versionRoute(query) ?? { kind: 'not-found', path };
  const parts = path.split('/').filter((part) => part !== '').map(decodeURIComponent);
  const [first, key, section, id, extra] = parts;
  if (parts.length === 0 || (first === 'home' && parts.length === 1)) return { kind: 'home' };
  if (first === 'pages' && key !== undefined) return section === 'edit' ? { kind: 'edit', spaceKey: null, pageId: key } : { kind: 'page', spaceKey: null, pageId: key };
  if (first === 'apps' && key !== undefined) return { kind: 'global-app', appRoute: key };
  if (first === 'spaces' && key !== undefined) {
    if (section === undefined || section === 'overview') return { kind: 'space', spaceKey: key };
    if (section === 'pages' && id !== undefined) return extra === 'edit' ? { kind: 'edit', spaceKey: key, pageId: id } : { kind: 'page', spaceKey: key, pageId: id };
    if (section === 'blog') {
      const blog = blogRoute(key, parts.slice(3));
      if (blog !== null) return blog;
    }
    if (section === 'settings') return { kind: 'space-settings', spaceKey: key, appRoute: id === 'apps' ? (extra ?? null) : null };
    if (section === 'apps' && id !== undefined) return { kind: 'space-app', spaceKey: key, appRoute: id };
  }
  return { kind: 'not-found', path };
}

export function pathOf(route: Route): string {
  const key = (value: string): string => encodeURIComponent(value);
  switch (route.kind) {
    case 'home':
      return '/';
    case 'space':
      return `/spaces/${key(route.spaceKey)}`;
    case 'page':
      return route.spaceKey === null ? `/pages/${key(route.pageId)}` : `/spaces/${key(route.spaceKey)}/pages/${key(route.pageId)}`;
    case 'edit':
      return route.spaceKey === null ? `/pages/${key(route.pageId)}/edit` : `/spaces/${key(route.spaceKey)}/pages/${key(route.pageId)}/edit`;
    case 'version':
      return `/pages/viewpage.action?pageId=${key(route.pageId)}&pageVersion=${route.version}`;
    case 'blogpost':
      return `/spaces/${key(route.spaceKey)}/blog/${key(route.blogPostId)}`;
    case 'edit-blogpost':
      return `/spaces/${key(route.spaceKey)}/blog/${key(route.blogPostId)}/edit`;
    case 'space-settings':
      return route.appRoute === null ? `/spaces/${key(route.spaceKey)}/settings` : `/spaces/${key(route.spaceKey)}/settings/apps/${key(route.appRoute)}`;
    case 'space-app':
      return `/spaces/${key(route.spaceKey)}/apps/${key(route.appRoute)}`;
    case 'global-app':
      return `/apps/${key(route.appRoute)}`;
    case 'not-found':
      return route.path;
  }
}

export function hrefOf(route: Route): string {
  return `#${pathOf(route)}`;
}

export function navigate(route: Route): void {
  location.hash = pathOf(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parsePath(location.hash));
  useEffect(() => {
    const follow = (): void => setRoute(parsePath(location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return route;
}
