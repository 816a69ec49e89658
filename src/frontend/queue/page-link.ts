import { router } from '@forge/bridge';

/**
 * The page's Confluence address, relative to the site. Relative, not `siteUrl` + path: Forge
 * navigates to a relative URL without asking, whereas an absolute one may be treated as an
 * external link and make the person confirm; it also stays right on a custom domain.
 */
export function pageUrl(spaceKey: string, pageId: string): string {
  return `/wiki/spaces/${encodeURIComponent(spaceKey)}/pages/${encodeURIComponent(pageId)}`;
}

export async function openPage(spaceKey: string, pageId: string): Promise<void> {
  try {
    await router.navigate(pageUrl(spaceKey, pageId));
  } catch {
    // The product rejects the promise only when the person declines to leave; staying is their choice.
  }
}
