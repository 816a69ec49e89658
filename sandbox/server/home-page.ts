/**
 * The plain HTML overview of the demo site: spaces, page trees and people, with links that open
 * each page through the emulator's REST API as someone allowed to see it. Served at
 * `/__sandbox/overview` and as the no-script content of the browser shell at `/`.
 */
import { type SandboxUser } from './site';

export interface TreeNode {
  id: string;
  type: 'page' | 'folder' | 'blogpost';
  title: string;
  version: number;
  status: string;
  viewRestricted: boolean;
  editRestricted: boolean;
  /** Someone who may see the item, to open it as; null when nobody can. */
  viewAs: string | null;
  children: TreeNode[];
}

export interface SpaceView {
  key: string;
  name: string;
  description: string;
  tree: TreeNode[];
  /** The space's blog posts: beside the page tree, as in Confluence's sidebar. */
  blog: TreeNode[];
}

export interface HomeView {
  spaces: SpaceView[];
  users: SandboxUser[];
  dataDir: string | null;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

function itemLink(node: TreeNode): string {
  const collection = { folder: 'folders', page: 'pages', blogpost: 'blogposts' }[node.type];
  const format = node.type === 'folder' ? '' : '&body-format=storage';
  return `/wiki/api/v2/${collection}/${encodeURIComponent(node.id)}?as=${encodeURIComponent(node.viewAs ?? '')}${format}`;
}

function notes(node: TreeNode): string {
  const parts: string[] = [];
  if (node.version > 1) parts.push(`v${node.version}`);
  if (node.status !== 'current') parts.push(node.status);
  if (node.viewRestricted) parts.push('view restricted');
  if (node.editRestricted) parts.push('edit restricted');
  return parts.length === 0 ? '' : ` <span class="note">${esc(parts.join(' · '))}</span>`;
}

function renderNode(node: TreeNode): string {
  const icon = node.type === 'folder' ? '📁 ' : '';
  const label = `${icon}<code>${esc(node.id)}</code> ${esc(node.title)}`;
  const title =
    node.viewAs === null
      ? `${label} <span class="note">(visible to nobody)</span>`
      : `<a href="${esc(itemLink(node))}" title="open as ${esc(node.viewAs)}">${label}</a> <span class="as">as ${esc(node.viewAs)}</span>`;
  const children = node.children.length === 0 ? '' : `<ul>${node.children.map(renderNode).join('')}</ul>`;
  return `<li>${title}${notes(node)}${children}</li>`;
}

function renderSpace(space: SpaceView): string {
  const blog = space.blog.length === 0 ? '' : `<h4>Blog</h4><ul class="tree">${space.blog.map(renderNode).join('')}</ul>`;
  return `<section><h3>${esc(space.key)} — ${esc(space.name)}</h3><p>${esc(space.description)}</p><ul class="tree">${space.tree.map(renderNode).join('')}</ul>${blog}</section>`;
}

function renderUsers(users: SandboxUser[]): string {
  const rows = users
    .map(
      (user) =>
        `<tr><td>${esc(user.displayName)}</td><td><code>${esc(user.accountId)}</code></td><td>${esc(user.groups.join(', '))}</td><td>${esc(user.role ?? '')}</td></tr>`,
    )
    .join('');
  return `<table><thead><tr><th>person</th><th>accountId</th><th>groups</th><th>role</th></tr></thead><tbody>${rows}</tbody></table>`;
}

const ENDPOINTS: Array<[string, string]> = [
  ['GET /__sandbox/users', 'the people above, as JSON'],
  ['POST /__sandbox/invoke', '{moduleKey, functionKey, payload, accountId, context}: call a resolver as that user'],
  ['POST /__sandbox/pages/:id/edit', '{accountId, title?, body?, minorEdit?}: edit a page as that user (fires the page-updated trigger; minorEdit: notify watchers off)'],
  ['POST /__sandbox/tokens', '{accountId, scopes}: mint a REST API token'],
  ['ANY /__sandbox/api/…', "the app's REST API, with Authorization: Bearer <token>"],
  ['GET | DELETE /__sandbox/ops', 'the operation log (?kind=kvs,confluence,…) / empty it'],
  ['POST /__sandbox/drain', 'wait until queue consumers and triggers are idle'],
  ['POST /__sandbox/reset', 'back to the seed'],
  ['GET /', 'the browser shell: the app inside a Confluence-like page'],
  ['GET /__sandbox/overview', 'this page'],
  ['ANY /wiki/…', 'the Confluence REST API, as X-Sandbox-User: <accountId> or ?as=<accountId>'],
];

/** The page's look, shared by `/__sandbox/overview` and the no-script fallback of the shell at `/`. */
export const OVERVIEW_STYLE = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 70rem; color: #172b4d; padding: 0 1rem; }
h1 { font-size: 1.5rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #dfe1e6; }
ul.tree, ul.tree ul { list-style: none; padding-left: 1.25rem; } ul.tree { padding-left: 0; }
a { color: #0c66e4; text-decoration: none; } a:hover { text-decoration: underline; }
.note, .as { color: #626f86; font-size: 0.85em; } .as { margin-left: 0.25rem; }
table { border-collapse: collapse; } td, th { text-align: left; padding: 0.25rem 0.75rem 0.25rem 0; vertical-align: top; }
code { font-size: 0.9em; }
`;

/** The site at a glance: spaces and their trees, people, endpoints (an HTML fragment). */
export function renderOverview(view: HomeView): string {
  const endpoints = ENDPOINTS.map(([route, what]) => `<tr><td><code>${esc(route)}</code></td><td>${esc(what)}</td></tr>`).join('');
  const storage = view.dataDir === null ? 'in memory (nothing survives a restart)' : `<code>${esc(view.dataDir)}</code>`;
  return `<h1>ApprovalFlow sandbox</h1>
<p>The app runs against an emulated Forge platform and an in-memory Confluence site. State is kept ${storage}.</p>
<h2>Spaces</h2>
${view.spaces.map(renderSpace).join('\n')}
<h2>People</h2>
${renderUsers(view.users)}
<h2>Endpoints</h2>
<table><tbody>${endpoints}</tbody></table>`;
}

export function renderHomePage(view: HomeView): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>ApprovalFlow sandbox</title>
<style>${OVERVIEW_STYLE}</style>
</head>
<body>
${renderOverview(view)}
</body>
</html>
`;
}
