/** `GET /__sandbox/overview`: builds the overview of the demo site; home-page.ts renders it. */
import { type ConfluenceEmulator, type ContentSummary } from '../../confluence';
import { type ServerDeps } from '../deps';
import { type HomeView, type TreeNode, renderHomePage } from '../home-page';
import { type Reply, htmlReply } from '../http-io';
import { listUsers, siteOf } from '../site';

// The space admin of every demo space sees nearly everything; others stand in where he cannot.
const PREFERRED_VIEWER = 'u-frank';

function viewerFor(site: ConfluenceEmulator, id: string, candidates: string[]): string | null {
  return candidates.find((accountId) => site.canView(accountId, id)) ?? null;
}

function treeOf(site: ConfluenceEmulator, item: ContentSummary, candidates: string[]): TreeNode {
  const restrictions = site.restrictionsOf(item.id);
  const restricted = (set: { users: string[]; groups: string[] }): boolean => set.users.length + set.groups.length > 0;
  return {
    id: item.id,
    type: item.type,
    title: item.title,
    version: item.version,
    status: item.status,
    viewRestricted: restricted(restrictions.read),
    editRestricted: restricted(restrictions.update),
    viewAs: viewerFor(site, item.id, candidates),
    children: site.childrenOf(item.id).map((child) => treeOf(site, child, candidates)),
  };
}

/** The site as someone able to see everything would list it; the shell's no-script content shows it too. */
export function overviewOf({ sandbox }: ServerDeps, dataDir: string | null): HomeView {
  const site = siteOf(sandbox);
  const users = listUsers(sandbox);
  const candidates = [PREFERRED_VIEWER, ...users.map((user) => user.accountId).filter((id) => id !== PREFERRED_VIEWER)];
  const spaces = site.spaces().map((space) => {
    const homepage = space.homepageId === null ? undefined : site.page(space.homepageId);
    return {
      key: space.key,
      name: space.name,
      description: space.description,
      tree: homepage === undefined ? [] : [treeOf(site, homepage, candidates)],
      blog: site.blogPostsOf(space.id).map((post) => treeOf(site, post, candidates)),
    };
  });
  return { spaces, users, dataDir };
}

export async function homePage(deps: ServerDeps, dataDir: string | null): Promise<Reply> {
  return htmlReply(200, renderHomePage(overviewOf(deps, dataDir)));
}
