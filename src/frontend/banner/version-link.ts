/**
 * Where Confluence shows an earlier version of a page or blog post: `viewpage.action` with the
 * content id and the version number, relative to the site, so Forge navigates without asking and
 * it stays right on a custom domain (see queue/page-link.ts). The address is Confluence's own,
 * not an app route, so opening it needs no app call either.
 */
export function approvedVersionUrl(pageId: string, version: number): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}&pageVersion=${version}`;
}
