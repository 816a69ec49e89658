/**
 * Pages and blog posts are viewed and edited alike; they differ in where Confluence's REST API
 * serves them (a page endpoint answers 404 for a blog post) and in the address the shell shows
 * them at.
 */
import { type ContentType } from './confluence-types';
import { type Route } from './routes';

export function contentApiPath(type: ContentType, id: string): string {
  return `/wiki/api/v2/${type === 'blogpost' ? 'blogposts' : 'pages'}/${encodeURIComponent(id)}`;
}

/** Without a space key the `/pages/{id}` route finds the content's space, blog posts included. */
export function viewRouteOf(type: ContentType, spaceKey: string | null, id: string): Route {
  if (type === 'blogpost' && spaceKey !== null) return { kind: 'blogpost', spaceKey, blogPostId: id };
  return { kind: 'page', spaceKey, pageId: id };
}

export function editRouteOf(type: ContentType, spaceKey: string | null, id: string): Route {
  if (type === 'blogpost' && spaceKey !== null) return { kind: 'edit-blogpost', spaceKey, blogPostId: id };
  return { kind: 'edit', spaceKey, pageId: id };
}
