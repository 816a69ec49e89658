/**
 * Copying pages, as the publish action does: one page to a space, under a parent or over an
 * existing page, or a whole hierarchy under a destination page. Confluence runs hierarchy
 * copies as long tasks; the emulator finishes them before answering, so the task a client
 * polls is already complete (successfully, or failed with the reasons, having written nothing).
 */
import { badRequest, forbidden, notFound } from './errors';
import { type Env } from './http';
import { updatePage } from './page-updates';
import { type Viewer } from './permissions';
import { type ContentRecord, type LongTaskRecord } from './state';

export interface CopyFlags {
  copyAttachments?: boolean;
  copyPermissions?: boolean;
  copyProperties?: boolean;
  copyLabels?: boolean;
  copyCustomContents?: boolean;
}

export interface SinglePageCopy extends CopyFlags {
  destination: { type: 'space' | 'parent_page' | 'parent_content' | 'existing_page'; value: string };
  pageTitle?: string;
  body?: { storage?: { value: string } };
}

export interface HierarchyCopy extends CopyFlags {
  destinationPageId: string;
  copyDescendants?: boolean;
  titleOptions?: { prefix?: string; search?: string; replace?: string };
}

/** Attachments and custom content are not modelled, so those flags copy nothing. */
function copyExtras(env: Env, from: ContentRecord, to: ContentRecord, flags: CopyFlags, authorId: string): void {
  const { store, annotations } = env;
  if (flags.copyLabels) for (const label of annotations.labelsOf(from.id)) annotations.addLabel(to.id, label.prefix, label.name);
  if (flags.copyProperties) {
    for (const property of annotations.propertiesOf(from.id)) {
      const value: unknown = structuredClone(property.value);
      const existing = annotations.propertyByKey(to.id, property.key);
      if (existing) annotations.updateProperty(existing, value, existing.version.number + 1, authorId);
      else annotations.createProperty(to.id, property.key, value, authorId);
    }
  }
  if (flags.copyPermissions) {
    const restrictions = store.restrictionsOf(from.id);
    store.setRestrictionSet(to.id, 'read', restrictions.read);
    store.setRestrictionSet(to.id, 'update', restrictions.update);
  }
}

function requireCreate(env: Env, viewer: Viewer, spaceId: string): void {
  if (!env.perms.canCreateIn(viewer, spaceId)) throw forbidden(`You do not have permission to add pages to space ${spaceId}`);
}

export function copyPage(env: Env, viewer: Viewer, source: ContentRecord, request: SinglePageCopy): ContentRecord {
  const { store, perms } = env;
  const authorId = perms.accountIdOf(viewer);
  const revision = store.latest(source);
  const title = request.pageTitle ?? revision.title;
  const body = request.body?.storage?.value ?? revision.body;
  const { type, value } = request.destination;
  let copy: ContentRecord;
  if (type === 'existing_page') {
    copy = perms.readableContent(viewer, value, 'page');
    updatePage(env, viewer, copy, { title, body, message: `Copied from page ${source.id}` });
  } else if (type === 'space') {
    const space = store.spaceByKey(value);
    if (!space || !perms.canReadSpace(viewer, space.id)) throw notFound(`No space with key: ${value}`);
    requireCreate(env, viewer, space.id);
    copy = store.createContent({ type: 'page', spaceId: space.id, parentId: null, title, body, authorId });
  } else {
    const parent = perms.readableContent(viewer, value, type === 'parent_page' ? 'page' : undefined);
    requireCreate(env, viewer, parent.spaceId);
    copy = store.createContent({ type: 'page', spaceId: parent.spaceId, parentId: parent.id, title, body, authorId });
  }
  copyExtras(env, source, copy, request, authorId);
  return copy;
}

function renamer(options: HierarchyCopy['titleOptions']): (title: string) => string {
  return (title) => {
    const replaced = options?.search ? title.split(options.search).join(options.replace ?? '') : title;
    return `${options?.prefix ?? ''}${replaced}`;
  };
}

export function copyHierarchy(env: Env, viewer: Viewer, source: ContentRecord, request: HierarchyCopy): LongTaskRecord {
  const { store, annotations, perms } = env;
  const authorId = perms.accountIdOf(viewer);
  const destination = perms.readableContent(viewer, request.destinationPageId);
  requireCreate(env, viewer, destination.spaceId);
  if (destination.id === source.id || store.ancestorsOf(destination).some((a) => a.id === source.id)) {
    throw badRequest('A page hierarchy cannot be copied into itself');
  }
  const tree = [source, ...(request.copyDescendants === false ? [] : store.descendantsOf(source))].filter(
    (node) => node.status === 'current' && perms.can(viewer, 'read', node),
  );
  const rename = renamer(request.titleOptions);
  const titles = new Map(tree.map((node) => [node.id, rename(store.title(node))]));
  const seen = new Set<string>();
  const errors: string[] = [];
  for (const node of tree.filter((n) => n.type === 'page')) {
    const title = titles.get(node.id) ?? '';
    if (store.titleTaken(destination.spaceId, title) || seen.has(title.toLowerCase())) {
      errors.push(`A page with this title already exists in the destination space: ${title}`);
    }
    seen.add(title.toLowerCase());
  }
  if (errors.length > 0) {
    return annotations.addLongTask({ kind: 'copy-page-hierarchy', requestedBy: authorId, successful: false, destinationId: null, totalPages: tree.length, errors });
  }
  const copies = new Map<string, string>();
  for (const node of tree) {
    const parentId = node.id === source.id ? destination.id : copies.get(node.parentId ?? '');
    // A descendant whose parent was not copied (it was hidden from the caller) stays behind too.
    if (parentId === undefined) continue;
    const copy = store.createContent({
      type: node.type,
      spaceId: destination.spaceId,
      parentId,
      title: titles.get(node.id) ?? store.title(node),
      body: store.latest(node).body,
      authorId,
    });
    copyExtras(env, node, copy, request, authorId);
    copies.set(node.id, copy.id);
  }
  return annotations.addLongTask({
    kind: 'copy-page-hierarchy',
    requestedBy: authorId,
    successful: true,
    destinationId: copies.get(source.id) ?? null,
    totalPages: copies.size,
    errors: [],
  });
}
