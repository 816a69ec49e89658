/**
 * A page or folder named in a payload, checked as the caller against Confluence: it must exist,
 * be visible to them and belong to the space whose settings are open. Comes with its ancestors,
 * which its row's inherited assignment needs.
 */
import { asUser } from '../../confluence/http';
import { getAncestorIds, getFolder, getFolderAncestorIds, getPage } from '../../confluence/pages';
import { AppError } from '../../shared/errors';
import { type RowNode } from './tree-rows';

export interface TreeTarget {
  node: RowNode;
  ancestors: string[];
}

const notInSpace = () => new AppError('NOT_FOUND', "This page isn't in this space, or you don't have permission to view it.");

const isNotFound = (error: unknown): boolean => error instanceof AppError && error.code === 'NOT_FOUND';

/** Asked in the order rows are common: pages, folders, then blog posts; each miss costs one call. */
async function pageOrFolder(id: string): Promise<RowNode & { spaceId: string }> {
  try {
    const page = await getPage(asUser(), id, 'page');
    return { id: page.id, type: 'page', title: page.title, spaceId: page.spaceId };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const folder = await getFolder(asUser(), id);
    return { id: folder.id, type: 'folder', title: folder.title, spaceId: folder.spaceId };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  try {
    const post = await getPage(asUser(), id, 'blogpost');
    return { id: post.id, type: 'blogpost', title: post.title, spaceId: post.spaceId };
  } catch (error) {
    if (isNotFound(error)) throw notInSpace();
    throw error;
  }
}

export async function treeTarget(spaceId: string, id: string): Promise<TreeTarget> {
  const node = await pageOrFolder(id);
  if (node.spaceId !== spaceId) throw notInSpace();
  const ancestors =
    node.type === 'page' ? await getAncestorIds(asUser(), id) : node.type === 'folder' ? await getFolderAncestorIds(asUser(), id) : [];
  return { node: { id: node.id, type: node.type, title: node.title }, ancestors };
}
