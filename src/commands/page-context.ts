/**
 * Everything a command or the byline dialog needs about one page and its caller, fetched with
 * one batch read (the page record, the space's workflow assignments, the caller's workflow
 * changes, the permission cache and the page's names) while Confluence is asked, as the caller, about the page.
 */
import { type PageAccess, pageAccess, requireSpace } from '../auth/page-access';
import { type ContentType } from '../shared/content';
import { type WorkflowEdits } from '../domain/workflow-edits';
import { type Workflow } from '../shared/workflow';
import { isSpaceAdminIn } from '../auth/space-admin';
import { type AuditEntry } from '../storage/audit';
import { readBatch } from '../storage/batch-read';
import { pageNamesEntry } from '../storage/display-names';
import { ENTITY, type SpaceAssignments, type SpaceSettingsRow, spaceParent, type WorkflowEditorRow } from '../storage/entities';
import { versionedEdits, workflowEditorKey } from '../storage/workflow-editors';
import { emptyRecord, type PageRecord, pageRecordKey, pageRecordOf, type StoredPageRecord } from '../storage/page-state';
import { CACHE, CacheSession } from '../storage/permission-cache';
import { publishedFromKey, publishedFromOf } from '../storage/published-copies';
import { type PublishedFrom } from '../shared/published-copy';

export interface Actor {
  accountId: string;
  /** The space the call came from, when it has one: the page must be in it. */
  spaceId?: string;
}

export interface PageContext {
  actorId: string;
  pageId: string;
  spaceId: string;
  access: PageAccess;
  /** A live doc: Confluence announces none of its edits, so it cannot be submitted. */
  liveDoc: boolean;
  /** Undefined until the page's first change. */
  record: PageRecord | undefined;
  /** Set when the page is a copy the publish action made: it is not submitted, its source is. */
  publishedFrom: PublishedFrom | undefined;
  assignments: SpaceAssignments;
  /** When the caller changed the space's workflows: a decision is refused on a request whose workflow they changed since its submission. */
  actorWorkflowEdits: WorkflowEdits;
  cache: CacheSession;
  /** The workflows that apply to the page, once asked for (see applicable-workflows.ts). */
  workflows?: Promise<Workflow[]>;
}

export interface CommandResult<T> {
  value: T;
  /** The page record after the command (the refreshed dialog is built from it). */
  record: PageRecord | undefined;
  /** The audit entries the command committed, shown in the refreshed dialog though the history index lags. */
  written: readonly AuditEntry[];
}

const NO_ASSIGNMENTS: SpaceAssignments = { defaultWorkflowId: null, pages: {} };

/** What the module's context says about the content; a payload never supplies it. */
export interface ContentHint {
  type?: ContentType;
  liveDoc?: boolean;
}

/** `withProperties`: read the page's content properties with it, at no extra call (the dialog's byline check). */
export interface PageContextOptions {
  withProperties?: boolean;
}

/**
 * `spaceId` is the space the call claims (a module's context); the page is checked to be in it.
 * Without one, Confluence is asked first to learn the page's space.
 */
export async function loadPageContext(actor: Actor, pageId: string, content: ContentHint = {}, options: PageContextOptions = {}): Promise<PageContext> {
  const accessing = pageAccess(pageId, content.type, options);
  // Read in parallel with Confluence when the space is known; a rejected access is awaited below.
  accessing.catch(() => undefined);
  const spaceId = actor.spaceId ?? (await accessing).page.spaceId;
  const settingsKey = { key: spaceId, entityName: ENTITY.spaceSettings };
  const editorKey = workflowEditorKey(spaceId, actor.accountId);
  const [values, access] = await Promise.all([
    readBatch([
      pageRecordKey(pageId),
      settingsKey,
      editorKey,
      CACHE.spaceAdmins(spaceId).key,
      CACHE.ancestors(pageId).key,
      CACHE.userGroups(actor.accountId).key,
      pageNamesEntry(pageId).key,
      publishedFromKey(pageId),
    ]),
    accessing,
  ]);
  requireSpace(access, spaceId);
  const record = await pageRecordOf(values<StoredPageRecord>(pageRecordKey(pageId)));
  return {
    actorId: actor.accountId,
    pageId,
    spaceId,
    access,
    liveDoc: content.liveDoc === true,
    record,
    publishedFrom: publishedFromOf(values<unknown>(publishedFromKey(pageId))),
    assignments: values<SpaceSettingsRow>(settingsKey)?.body ?? NO_ASSIGNMENTS,
    actorWorkflowEdits: versionedEdits(values<WorkflowEditorRow>(editorKey)).edits,
    cache: new CacheSession(values),
  };
}

/** The record a change starts from: the stored one, or a fresh one for a page never submitted. */
export function baseRecord(context: PageContext, record: PageRecord | undefined): PageRecord {
  const { page } = context.access;
  return (
    record ??
    emptyRecord({
      pageId: context.pageId,
      contentType: page.type,
      spaceId: context.spaceId,
      parentId: page.parentId ?? spaceParent(context.spaceId),
      currentVersion: page.version,
    })
  );
}

export function callerIsSpaceAdmin(context: PageContext): Promise<boolean> {
  return isSpaceAdminIn(context.cache, context.spaceId, context.actorId);
}

/** What Confluence said about the page, for the record the change writes. */
export function pageFacts(context: PageContext): { currentVersion: number; parentId: string } {
  const { page } = context.access;
  return { currentVersion: page.version, parentId: page.parentId ?? spaceParent(context.spaceId) };
}
