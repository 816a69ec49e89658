/**
 * Publish page: copy the approved page (and, when asked, its descendants, attachments and labels)
 * into a target space, as the app. The first publication makes the copy; a re-approval brings the
 * same copy up to date (`updateExisting`, the default) or, without it, adds a copy per approved
 * version ("Release Process (v9)"). The copy carries where it came from (content property, a line
 * at the foot of its body, its byline).
 *
 * Runs twice without harm: the copy is found again by what storage remembers, or by its title (one
 * per space in Confluence) when storage says a copy was being made or the page's property names
 * this source; a run whose copy already carries this run's property writes nothing more.
 */
import { bylineSigner } from '../../auth/byline-signature';
import {
  type CopyDestination,
  type CopyExtras,
  copyOnePage,
  copyPageTree,
  findPage,
  findPageByTitle,
  getChildPages,
  getCopySource,
  getTargetSpace,
  type PageRef,
  type TargetSpace,
} from '../../confluence/page-copy';
import { AS_APP, ConfluenceBusyError } from '../../confluence/http';
import { getPageProperty, updatePageProperty } from '../../confluence/properties';
import { BYLINE_PROPERTY_KEY } from '../../shared/byline';
import { AppError } from '../../shared/errors';
import { PUBLISHED_FROM_PROPERTY_KEY, type PublishedFrom, publishedCopyByline, publishedFromSchema } from '../../shared/published-copy';
import { mapWithConcurrency } from '../../shared/parallel';
import { formatDay } from '../../shared/status';
import { type SpaceVariable } from '../../shared/space-variables';
import { type WorkflowAction } from '../../shared/workflow';
import { getPublishedCopies, type PublishedCopies, savePublishedCopies, savePublishedFrom } from '../../storage/published-copies';
import { type ActionExecutor, type ActionOutcome, type ActionRun } from '../action-run';
import { refusalOutcome } from './failure';

type PublishAction = Extract<WorkflowAction, { type: 'publish' }>;

interface Target {
  spaceKey: string;
  parentPageId?: string;
}

/** The history entry names the action ("Publish page: …"), so a message starts with what happened. */
const failed = (message: string): ActionOutcome => ({ ok: false, message });

/** A space variable is looked up when the action runs, so moving the target needs no workflow edit. */
function resolveTarget(target: PublishAction['target'], variables: readonly SpaceVariable[]): Target | ActionOutcome {
  if (target.type === 'space') return target;
  const variable = variables.find((candidate) => candidate.name.toLowerCase() === target.name.toLowerCase());
  if (variable === undefined) return failed(`the space variable ${target.name} is not set in this space's settings`);
  return variable;
}

/** Where the copy goes: under the parent page, or at the space's top level. */
async function destinationIn(space: TargetSpace, parentPageId: string | undefined): Promise<CopyDestination | ActionOutcome> {
  if (parentPageId === undefined) return { type: 'space', spaceKey: space.key };
  const parent = await findPage(parentPageId);
  if (parent === undefined) return failed(`the parent page ${parentPageId} in ${space.key} no longer exists, or its view restrictions leave ApprovalFlow out`);
  if (parent.spaceId !== space.id) return failed(`the parent page ${parentPageId} is no longer in space ${space.key}: it was moved; choose a parent page in ${space.key}`);
  return { type: 'parent_page', pageId: parent.id };
}

/** One approved version per copy when copies are not updated: titles must differ within the space. */
const copyTitle = (title: string, version: number, updateExisting: boolean): string => (updateExisting ? title : `${title} (v${version})`);

/** Copies of one source in one space; without updateExisting, each approved version has its own set. */
const copiesScope = (space: TargetSpace, run: ActionRun, action: PublishAction): string => (action.updateExisting ? space.id : `${space.id}:v${run.pageVersion}`);

const escapeAttribute = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

const escapeText = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The line readers of the copy see at its foot, in storage format: a link to the source and the approved version. */
export function publishedFooter(from: PublishedFrom): string {
  const link = `<ac:link><ri:page ri:space-key="${escapeAttribute(from.sourceSpaceKey)}" ri:content-title="${escapeAttribute(from.sourceTitle)}" /></ac:link>`;
  return `<hr /><p><em>Published from ${link} (${escapeText(from.sourceSpaceKey)}) — approved version ${from.approvedVersion} on ${formatDay(from.approvedAt)}.</em></p>`;
}

async function publishedFromOn(pageId: string): Promise<PublishedFrom | undefined> {
  const stored = await getPageProperty<unknown>(AS_APP, pageId, PUBLISHED_FROM_PROPERTY_KEY);
  const parsed = publishedFromSchema.safeParse(stored?.value);
  return parsed.success ? parsed.data : undefined;
}

type RootCopy = { found: PageRef; from: PublishedFrom | undefined } | { found: undefined } | ActionOutcome;

/**
 * The earlier copy of the page in the target space: the one storage remembers if it is still
 * there, else the page with the copy's title, if it is the app's (storage says a copy was being
 * made, or its property names this source). Any other page of that title is someone else's.
 */
async function findRootCopy(run: ActionRun, space: TargetSpace, title: string, known: PublishedCopies): Promise<RootCopy> {
  const rememberedId = known.copies[run.pageId];
  const remembered = rememberedId === undefined ? undefined : await findPage(rememberedId);
  const candidate = remembered?.spaceId === space.id ? remembered : await findPageByTitle(space.id, title);
  if (candidate === undefined) return { found: undefined };
  const from = await publishedFromOn(candidate.id);
  if (candidate.id === rememberedId || known.creating || from?.sourcePageId === run.pageId) return { found: candidate, from };
  return failed(`${space.key} already has a page titled "${title}" that is not a copy of this page: rename or move that page, or publish to another space or parent`);
}

/** Sibling pages are copied a few at a time: independent calls, kept well under Confluence's burst limit. */
const SIBLINGS_AT_ONCE = 4;

interface TreeResult {
  copied: number;
  problems: string[];
}

/**
 * Brings the copies of a page's children up to date under `copyParentId`, then theirs: a child's
 * copy is the one remembered or the copy parent's child of the same title, updated in place;
 * a child without one is copied. A child that fails is reported and its subtree left alone.
 */
async function syncChildren(
  sourceParentId: string,
  copyParentId: string,
  copies: Record<string, string>,
  options: { extras: CopyExtras; version: number; updateExisting: boolean; copyParentIsNew: boolean },
  result: TreeResult,
): Promise<void> {
  const children = await getChildPages(sourceParentId);
  // Most pages of a tree are leaves: their copies' children are not worth a call.
  if (children.length === 0) return;
  const copyChildren = options.copyParentIsNew ? [] : await getChildPages(copyParentId);
  await mapWithConcurrency(children, SIBLINGS_AT_ONCE, async (child) => {
    const title = copyTitle(child.title, options.version, options.updateExisting);
    const existing = copyChildren.find((c) => c.id === copies[child.id]) ?? copyChildren.find((c) => c.title.toLowerCase() === title.toLowerCase());
    try {
      const destination: CopyDestination = existing === undefined ? { type: 'parent_page', pageId: copyParentId } : { type: 'existing_page', pageId: existing.id };
      const copyId = await copyOnePage(child.id, destination, { title }, options.extras);
      copies[child.id] = copyId;
      result.copied += 1;
      await syncChildren(child.id, copyId, copies, { ...options, copyParentIsNew: existing === undefined }, result);
    } catch (error) {
      const refusal = refusalOutcome(error, { notFound: 'it was deleted, or its view restrictions leave ApprovalFlow out', forbidden: 'ApprovalFlow may not add or edit pages there' });
      result.problems.push(`"${child.title}" (${refusal.message})`);
    }
  });
}

async function writeProvenance(copyPageId: string, from: PublishedFrom): Promise<void> {
  await updatePageProperty<unknown>(AS_APP, copyPageId, PUBLISHED_FROM_PROPERTY_KEY, () => from);
  const signer = await bylineSigner();
  // Signed like every byline the app writes, so the byline check finds it authentic and leaves it.
  const byline = signer.sign(copyPageId, publishedCopyByline(from), 0);
  await updatePageProperty<unknown>(AS_APP, copyPageId, BYLINE_PROPERTY_KEY, () => byline);
  await savePublishedFrom(copyPageId, from);
}

/** Confluence refused the call for good (not a 429, a 5xx or a lost answer): it changed nothing. */
const refusedOutright = (error: unknown): boolean =>
  error instanceof AppError && !(error instanceof ConfluenceBusyError) && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN' || error.code === 'VALIDATION');

const pages = (count: number): string => (count === 1 ? '1 descendant page' : `${count} descendant pages`);

async function publish(run: ActionRun, action: PublishAction): Promise<ActionOutcome> {
  if (run.contentType !== 'page') return failed('Confluence copies pages only, so a blog post cannot be published to another space');
  const target = resolveTarget(action.target, run.spaceVariables);
  if ('ok' in target) return target;
  const space = await getTargetSpace(target.spaceKey);
  if (space === undefined) return failed(`the target space ${target.spaceKey} no longer exists`);
  const destination = await destinationIn(space, target.parentPageId);
  if ('ok' in destination) return destination;

  const source = await getCopySource(run.pageId, run.pageVersion);
  const title = copyTitle(source.title, run.pageVersion, action.updateExisting);
  const from: PublishedFrom = {
    sourcePageId: run.pageId,
    sourceSpaceKey: run.spaceKey,
    sourceTitle: source.title,
    approvedVersion: run.pageVersion,
    requestId: run.requestId,
    revision: run.revision,
    approvedAt: run.request.decidedAt ?? run.request.submittedAt,
  };
  const scope = copiesScope(space, run, action);
  const known = await getPublishedCopies(run.pageId, scope);
  const root = await findRootCopy(run, space, title, known);
  if ('ok' in root) return root;
  if (root.found !== undefined && !known.creating && root.from?.requestId === run.requestId && root.from.revision === run.revision) {
    return { ok: true, message: `already published to ${space.key} as "${root.found.title}"` };
  }

  const extras: CopyExtras = { copyAttachments: action.includeAttachments, copyLabels: action.includeLabels };
  const body = `${source.body}${publishedFooter(from)}`;
  const tree: TreeResult = { copied: 0, problems: [] };
  // A first publication of a tree is one long task in Confluence rather than a call per page.
  const asTree = root.found === undefined && action.includeDescendants && action.updateExisting;
  const under = destination.type === 'parent_page' ? destination.pageId : space.homepageId;
  if (asTree && under === null) return failed(`space ${space.key} has no home page to publish a page tree under: choose a parent page in ${space.key}`);

  // Remembered before the first write: a copy made by a run that then crashes is found again as the app's.
  const copies = { ...known.copies };
  await savePublishedCopies(run.pageId, scope, { copies, creating: true });
  let rootCopyId: string | undefined;
  try {
    if (asTree && under !== null) {
      const copied = await copyPageTree(run.pageId, under, extras);
      if (!copied.ok) {
        await savePublishedCopies(run.pageId, scope, known);
        return failed(`Confluence did not copy the page tree into ${space.key}: ${copied.reasons.join('; ') || 'no reason given'}`);
      }
      rootCopyId = copied.rootCopyId;
      // The tree copy keeps the bodies as they are: the copy's footer is written over it.
      await copyOnePage(run.pageId, { type: 'existing_page', pageId: rootCopyId }, { title, body }, { copyAttachments: false, copyLabels: false });
    } else {
      rootCopyId = await copyOnePage(run.pageId, root.found === undefined ? destination : { type: 'existing_page', pageId: root.found.id }, { title, body }, extras);
      if (action.includeDescendants) {
        await syncChildren(run.pageId, rootCopyId, copies, { extras, version: run.pageVersion, updateExisting: action.updateExisting, copyParentIsNew: root.found === undefined }, tree);
      }
    }
  } catch (error) {
    // Refused before any copy was made: no later run may take a page of that title for the app's.
    if (rootCopyId === undefined && refusedOutright(error)) await savePublishedCopies(run.pageId, scope, known);
    throw error;
  }
  copies[run.pageId] = rootCopyId;
  await savePublishedCopies(run.pageId, scope, { copies, creating: false });
  await writeProvenance(rootCopyId, from);

  const what = root.found === undefined ? `published to ${space.key} as "${title}"` : `updated the copy "${title}" in ${space.key}`;
  if (tree.problems.length > 0) return failed(`${what}, but ${tree.problems.length} descendant page(s) were not copied: ${tree.problems.join('; ')}`);
  return { ok: true, message: `${what}${tree.copied > 0 ? ` with ${pages(tree.copied)}` : ''}` };
}

const REFUSALS = {
  notFound: 'the page or the target was deleted, or view restrictions leave ApprovalFlow out',
  forbidden: "ApprovalFlow may not add or edit the copy in the target space: check that space's permissions and the restrictions on the parent page and on the earlier copy",
};

export const publishPage: ActionExecutor<PublishAction> = async (run, action) => {
  try {
    return await publish(run, action);
  } catch (error) {
    return refusalOutcome(error, REFUSALS);
  }
};
