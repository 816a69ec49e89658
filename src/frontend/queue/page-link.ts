import { router } from '@forge/bridge';

/**
 * `url`: where Confluence says the page or blog post is (blog post addresses carry their date),
 * relative to the site. Relative, not `siteUrl` + path: Forge navigates to a relative URL without
 * asking, whereas an absolute one may be treated as an external link and make the person
 * confirm; it also stays right on a custom domain.
 */
export async function openPage(url: string): Promise<void> {
  try {
    await router.navigate(url);
  } catch {
    // The product rejects the promise only when the person declines to leave; staying is their choice.
  }
}
