/**
 * Where Confluence shows an earlier version of a page or blog post: `viewpage.action` with the
 * content id and the version number (docs/sandbox-runtime.md, "Undocumented"), relative to the
 * site, which UI Kit's Link supports ("Relative paths, such as /wiki", ui-kit/components/link),
 * so it stays right on a custom domain. The address is Confluence's own, not an app route, so
 * opening it needs no app call either.
 */
export function approvedVersionUrl(pageId: string, version: number): string {
  return `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}&pageVersion=${version}`;
}
