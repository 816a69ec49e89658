/**
 * The manage-space tree, one level at a time: a space's root pages or a page's/folder's direct
 * children (≤250 per call), each with its status and the workflows that apply to it. A level
 * costs the children call and, below the root, one ancestors call (both as the caller, so
 * Confluence hides what they may not see), plus one batched read of the rows' page-state.
 */
import { isSpaceAdmin } from '../../auth/space-admin';
import { asUser } from '../../confluence/http';
import { getAncestorIds, getFolderAncestorIds, getTreeLevel as readTreeLevel } from '../../confluence/pages';
import { settingsContract, type TreeRowView } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { getSpaceAssignments } from '../../storage/assignments';
import { BATCH_LIMIT } from '../../storage/batch-read';
import { type PageStateRow } from '../../storage/entities';
import { getPageStates } from '../../storage/page-state';
import { type Workflow } from '../../shared/workflow';
import { listSpaceWorkflows, withCurrent } from '../../storage/workflows';
import { resolverSpec } from '../define';
import { handOutCursor, readFrom, takeBackCursor } from '../../views/list-cursor';
import { allSettled } from '../../shared/parallel';
import { settingsSpaceId } from './space';
import { BLOG_ROW, type LevelContext, treeRow } from './tree-rows';
import { type TreeTarget } from './tree-target';

const LEVEL_SIZE = 250;

/**
 * The page-state rows of a whole level as one batched read: the storage service takes 25 keys
 * per batch, so a level of 250 pages is 10 batches, sent at once rather than one after another.
 */
async function levelStates(pageIds: readonly string[]): Promise<Map<string, PageStateRow>> {
  const chunks: string[][] = [];
  for (let i = 0; i < pageIds.length; i += BATCH_LIMIT) chunks.push(pageIds.slice(i, i + BATCH_LIMIT));
  const parts = await allSettled(chunks.map((chunk) => getPageStates(chunk)));
  return new Map(parts.flatMap((part) => [...part]));
}

type Parent = { type: 'space' } | { type: 'blog' } | { type: 'page' | 'folder'; id: string };

async function ancestorsOfLevel(parent: Parent): Promise<string[]> {
  // Root pages and blog posts have nothing above them.
  if (parent.type === 'space' || parent.type === 'blog') return [];
  const above = parent.type === 'page' ? await getAncestorIds(asUser(), parent.id) : await getFolderAncestorIds(asUser(), parent.id);
  return [...above, parent.id];
}

/**
 * The row of one page or folder, as an admin action leaves it. `current`: workflows the caller
 * just read by key, which the space's lagging index may not list yet.
 */
export async function rowOf(spaceId: string, target: TreeTarget, current: readonly Workflow[] = []): Promise<TreeRowView> {
  const [assignments, listed, states] = await allSettled([
    getSpaceAssignments(spaceId),
    listSpaceWorkflows(spaceId),
    target.node.type === 'folder' ? Promise.resolve(new Map()) : getPageStates([target.node.id]),
  ]);
  return treeRow(target.node, states.get(target.node.id), { assignments, workflows: withCurrent(listed, current), ancestors: target.ancestors });
}

/** A cursor continues the level it came from only. */
function treeList(parent: Parent): string {
  return parent.type === 'page' || parent.type === 'folder' ? `tree:${parent.type}:${parent.id}` : `tree:${parent.type}`;
}

export const getTreeLevel = resolverSpec(settingsContract.getTreeLevel, async ({ parent, cursor }, invocation) => {
  const spaceId = settingsSpaceId(invocation);
  // Whether the viewer administers the space decides which columns the tree shows; the screen
  // asks it once, with the first root level, so deeper levels stay within 1–2 Confluence calls.
  // Every admin action checks it again on its own.
  const opening = parent.type === 'space' && cursor === undefined;
  const list = treeList(parent);
  const after = takeBackCursor(list, cursor);
  const [level, ancestors, assignments, workflows, admin] = await allSettled([
    readFrom(after, () =>
      readTreeLevel(asUser(), parent.type === 'space' || parent.type === 'blog' ? { type: parent.type, id: spaceId } : parent, { cursor: after, limit: LEVEL_SIZE }),
    ),
    ancestorsOfLevel(parent),
    getSpaceAssignments(spaceId),
    listSpaceWorkflows(spaceId),
    opening ? isSpaceAdmin(spaceId, invocation.accountId) : Promise.resolve(undefined),
  ]);
  if (level.nodes.some((node) => node.spaceId !== spaceId)) {
    throw new AppError('NOT_FOUND', "This page isn't in this space, or you don't have permission to view it.");
  }
  const states = await levelStates(level.nodes.filter((node) => node.type !== 'folder').map((node) => node.id));
  const context: LevelContext = { assignments, workflows, ancestors };
  const rows = level.nodes.map((node) => treeRow(node, states.get(node.id), context));
  return {
    // The blog group follows the root pages, once: its posts load when it is expanded.
    rows: opening ? [...rows, BLOG_ROW] : rows,
    ...(level.cursor === undefined ? {} : { cursor: handOutCursor(list, level.cursor) }),
    ...(admin === undefined ? {} : { isSpaceAdmin: admin }),
  };
});
