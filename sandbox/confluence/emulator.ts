/**
 * An in-memory Confluence Cloud site. `handle()` answers REST calls the way the real site
 * does (shapes, paging, permissions, errors); the typed helpers build and inspect the site
 * for seeds and tests without going through HTTP.
 */
import { Annotations } from './annotations';
import { adfMentions, parseAdf, storageMentions } from './body-format';
import { dispatch, viewerOf } from './dispatch';
import { notFound } from './errors';
import { type Env } from './http';
import { updatePage } from './page-updates';
import { Permissions, SPACE_ROLE_OPERATIONS, type SpaceRole } from './permissions';
import { seedDemoSite } from './seed';
import { type NewBlogPostInput, type NewContentInput, type NewSpace, type NewUser, type NewVersionInput, type SiteBuilder } from './site-builder';
import {
  type CommentBody,
  type ContentRecord,
  type ContentStatus,
  type EmulatorState,
  type GroupRecord,
  type LabelPrefix,
  type Principal,
  type RestrictionOperation,
  type Restrictions,
  type SpaceRecord,
  type SpaceRoleRecord,
  type UserRecord,
  emptyState,
  stateSchema,
} from './state';
import { Store } from './store';
import { type ConfluenceRequest, type ConfluenceResponse, type PageUpdatedEvent } from './types';

/** A person as the site stores them: an active Atlassian account. */
function userRecord(input: NewUser): UserRecord {
  return {
    accountId: input.accountId,
    displayName: input.displayName,
    email: input.email ?? '',
    accountType: 'atlassian',
    timeZone: input.timeZone ?? 'UTC',
    active: true,
  };
}

export const DEFAULT_BASE_URL = 'https://sandbox.atlassian.net/wiki';

export interface EmulatorOptions {
  /** The `/wiki` base URL reported in `_links.base`. */
  baseUrl?: string;
  /** Clock for timestamps of new versions, comments and properties. */
  now?: () => Date;
}

/** A page, folder or blog post as tests and the sandbox shell see it. */
export interface ContentSummary {
  id: string;
  type: ContentRecord['type'];
  subtype: ContentRecord['subtype'];
  spaceId: string;
  parentId: string | null;
  status: ContentStatus;
  title: string;
  body: string;
  version: number;
  authorId: string;
}

export interface CommentSummary {
  id: string;
  pageId: string;
  parentCommentId: string | null;
  authorId: string;
  createdAt: string;
  body: CommentBody;
  mentions: string[];
}

export class ConfluenceEmulator implements SiteBuilder {
  readonly baseUrl: string;
  private readonly store: Store;
  private readonly annotations: Annotations;
  private readonly perms: Permissions;
  private readonly env: Env;
  private readonly listeners = new Set<(event: PageUpdatedEvent) => void>();

  private constructor(state: EmulatorState, options: EmulatorOptions = {}) {
    this.baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
    this.store = new Store(state, options.now ?? (() => new Date()));
    this.annotations = new Annotations(this.store);
    this.perms = new Permissions(this.store);
    this.env = {
      store: this.store,
      annotations: this.annotations,
      perms: this.perms,
      baseUrl: this.baseUrl,
      pageUpdated: (event) => this.publish(event),
    };
  }

  static empty(options?: EmulatorOptions): ConfluenceEmulator {
    return new ConfluenceEmulator(emptyState(), options);
  }

  /** The demo site documented in docs/sandbox.md. */
  static seeded(options?: EmulatorOptions): ConfluenceEmulator {
    const site = ConfluenceEmulator.empty(options);
    seedDemoSite(site);
    return site;
  }

  static restore(state: unknown, options?: EmulatorOptions): ConfluenceEmulator {
    const parsed = stateSchema.safeParse(state);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`Not a Confluence emulator snapshot (${issue.path.join('.') || 'root'}: ${issue.message})`);
    }
    return new ConfluenceEmulator(structuredClone(parsed.data), options);
  }

  /** A JSON-serialisable copy of the whole site; `restore()` takes it back. */
  snapshot(): EmulatorState {
    return structuredClone(this.store.state);
  }

  get appAccountId(): string {
    return this.store.state.appAccountId;
  }

  // REST -------------------------------------------------------------------------------

  async handle(req: ConfluenceRequest): Promise<ConfluenceResponse> {
    return dispatch(this.env, req);
  }

  // Events -----------------------------------------------------------------------------

  onPageUpdated(listener: (event: PageUpdatedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private publish(event: PageUpdatedEvent): void {
    for (const listener of [...this.listeners]) {
      // A failing subscriber must not undo or fail the edit that already happened.
      try {
        listener(event);
      } catch (error) {
        console.error('A page-updated listener failed', error);
      }
    }
  }

  /**
   * A person editing a page or blog post in Confluence's editor: permission-checked, versioned,
   * and announced unless Confluence announces nothing for it (drafts, live docs): then null.
   */
  editPage(pageId: string, accountId: string, change: { title?: string; body?: string; minorEdit?: boolean }): PageUpdatedEvent | null {
    const viewer = viewerOf(this.env, { kind: 'user', accountId });
    const content = this.perms.readableContent(viewer, pageId);
    if (content.type === 'folder') throw notFound(`No page or blog post found with id: ${pageId}`);
    return updatePage(this.env, viewer, content, { title: change.title, body: change.body, minorEdit: change.minorEdit });
  }

  // Building the site ------------------------------------------------------------------

  addUser(input: NewUser): UserRecord {
    return structuredClone(this.store.addUser(userRecord(input)));
  }

  addGroup(input: { id: string; name: string; members?: string[] }): GroupRecord {
    const group = this.store.addGroup({ id: input.id, name: input.name, members: [] });
    for (const accountId of input.members ?? []) this.store.addGroupMember(group.id, accountId);
    return structuredClone(group);
  }

  addGroupMember(groupId: string, accountId: string): void {
    this.store.addGroupMember(groupId, accountId);
  }

  /** Adds many users and makes them members of a group in one pass, without HTTP (large-group tests). */
  addGroupMembers(groupId: string, users: readonly NewUser[]): void {
    for (const user of users) this.store.addUser(userRecord(user));
    this.store.addGroupMembers(groupId, users.map((user) => user.accountId));
  }

  /** A space with its homepage, as creating a space in Confluence makes one. */
  addSpace(input: NewSpace): SpaceRecord {
    const createdAt = input.createdAt ?? this.store.now();
    const space = this.store.addSpace({
      id: input.id,
      key: input.key,
      name: input.name,
      description: input.description ?? '',
      authorId: input.authorId,
      createdAt,
      homepageId: null,
    });
    const homepage = this.store.createContent({
      id: input.homepage?.id,
      type: 'page',
      spaceId: space.id,
      parentId: null,
      title: input.homepage?.title ?? `${input.name} Home`,
      body: input.homepage?.body ?? `<p>Welcome to ${input.name}.</p>`,
      authorId: input.authorId,
      createdAt,
    });
    space.homepageId = homepage.id;
    return structuredClone(space);
  }

  grantSpacePermission(spaceId: string, principal: Principal, grant: SpaceRole | { key: string; targetType: string }): void {
    if (typeof grant === 'object') {
      this.store.grantSpaceOperation(spaceId, principal, grant.key, grant.targetType);
      return;
    }
    for (const operation of SPACE_ROLE_OPERATIONS[grant]) {
      const [key, targetType] = operation.split(':');
      this.store.grantSpaceOperation(spaceId, principal, key, targetType);
    }
  }

  /** Takes a permission away again, as a space admin does on the space's permissions screen. */
  revokeSpacePermission(spaceId: string, principal: Principal, grant: SpaceRole | { key: string; targetType: string }): void {
    const operations = typeof grant === 'object' ? [`${grant.key}:${grant.targetType}`] : SPACE_ROLE_OPERATIONS[grant];
    for (const operation of operations) {
      const [key, targetType] = operation.split(':');
      this.store.revokeSpaceOperation(spaceId, principal, key, targetType);
    }
  }

  /** A site-wide space role: one of the permission bundles, or explicit `key:targetType` operations. */
  addSpaceRole(input: { id?: string; name: string; description?: string; type?: 'SYSTEM' | 'CUSTOM'; grants: SpaceRole | string[] }): SpaceRoleRecord {
    const operations = typeof input.grants === 'string' ? [...SPACE_ROLE_OPERATIONS[input.grants]] : input.grants;
    return structuredClone(
      this.store.addSpaceRole({ id: input.id, name: input.name, description: input.description ?? '', type: input.type ?? 'CUSTOM', operations }),
    );
  }

  /** A user or group takes a role in a space (what a space admin does on the space's access screen). */
  assignSpaceRole(spaceId: string, roleId: string, principal: { type: 'user' | 'group'; id: string }): void {
    this.store.assignSpaceRole(spaceId, roleId, { principalType: principal.type === 'user' ? 'USER' : 'GROUP', principalId: principal.id });
  }

  addPage(input: NewContentInput): ContentSummary {
    return this.addContent('page', input);
  }

  addFolder(input: NewContentInput): ContentSummary {
    return this.addContent('folder', input);
  }

  /** Blog posts sit beside the page tree, in the space's blog. */
  addBlogPost(input: NewBlogPostInput): ContentSummary {
    return this.addContent('blogpost', { ...input, parentId: null });
  }

  private addContent(type: ContentRecord['type'], input: NewContentInput): ContentSummary {
    const space = this.store.requireSpace(input.spaceId);
    const content = this.store.createContent({
      id: input.id,
      type,
      subtype: input.subtype ?? null,
      spaceId: space.id,
      parentId: input.parentId === undefined ? space.homepageId : input.parentId,
      title: input.title,
      body: type === 'folder' ? '' : (input.body ?? ''),
      authorId: input.authorId,
      status: input.status,
      createdAt: input.createdAt,
    });
    return this.summary(content);
  }

  /** History for seeds and tests: a new version without permission checks or page-updated events. */
  addPageVersion(pageId: string, input: NewVersionInput): ContentSummary {
    const page = this.store.requireContent(pageId);
    const current = this.store.latest(page);
    this.store.addRevision(page, {
      title: input.title ?? current.title,
      body: input.body ?? current.body,
      authorId: input.authorId,
      message: input.message,
      createdAt: input.createdAt,
    });
    return this.summary(page);
  }

  setRestriction(contentId: string, operation: RestrictionOperation, who: { users?: string[]; groups?: string[] }): void {
    for (const accountId of who.users ?? []) this.store.requireUser(accountId);
    for (const groupId of who.groups ?? []) {
      if (!this.store.group(groupId)) throw notFound(`No group with id ${groupId}`);
    }
    this.store.setRestrictionSet(contentId, operation, { users: who.users ?? [], groups: who.groups ?? [] });
  }

  addLabel(contentId: string, name: string, prefix: LabelPrefix = 'global'): void {
    this.annotations.addLabel(contentId, prefix, name);
  }

  // Inspecting the site ----------------------------------------------------------------

  /** People who can sign in (the app's bot account is not one of them). */
  users(): UserRecord[] {
    return structuredClone(this.store.allUsers().filter((u) => u.accountType === 'atlassian'));
  }

  groups(): GroupRecord[] {
    return structuredClone(this.store.allGroups());
  }

  groupsOf(accountId: string): GroupRecord[] {
    return structuredClone(this.store.groupsOf(accountId));
  }

  spaces(): SpaceRecord[] {
    return structuredClone(this.store.allSpaces());
  }

  spaceByKey(key: string): SpaceRecord | undefined {
    const space = this.store.spaceByKey(key);
    return space && structuredClone(space);
  }

  page(id: string): ContentSummary | undefined {
    const content = this.store.content(id);
    return content && this.summary(content);
  }

  childrenOf(id: string): ContentSummary[] {
    return this.store.childrenOf(id).map((c) => this.summary(c));
  }

  /** A space's blog posts, oldest first (any status). */
  blogPostsOf(spaceId: string): ContentSummary[] {
    return this.store
      .allContents()
      .filter((c) => c.type === 'blogpost' && c.spaceId === spaceId)
      .map((c) => this.summary(c));
  }

  labelsOf(contentId: string): string[] {
    return this.annotations.labelsOf(contentId).map((l) => l.name);
  }

  propertyOf(contentId: string, key: string): unknown {
    return structuredClone(this.annotations.propertyByKey(contentId, key)?.value);
  }

  restrictionsOf(contentId: string): Restrictions {
    return structuredClone(this.store.restrictionsOf(contentId));
  }

  /** Every footer comment of a page, replies included, oldest first. */
  commentsOn(pageId: string): CommentSummary[] {
    return this.annotations.rootCommentsOf(pageId).flatMap((root) => {
      const thread = [root];
      for (let i = 0; i < thread.length; i++) thread.push(...this.annotations.repliesTo(thread[i].id));
      return thread.map((c) => ({ ...structuredClone(c), mentions: this.mentionsIn(c.id) }));
    });
  }

  /** Account ids mentioned in a comment, whichever representation it was written in. */
  mentionsIn(commentId: string): string[] {
    const comment = this.annotations.comment(commentId);
    if (!comment) throw notFound(`No comment found with id: ${commentId}`);
    const { representation, value } = comment.body;
    return representation === 'atlas_doc_format' ? adfMentions(parseAdf(value)) : storageMentions(value);
  }

  canView(accountId: string, contentId: string): boolean {
    const content = this.store.content(contentId);
    return content !== undefined && this.perms.subjectCan(this.perms.userSubject(accountId), 'read', content);
  }

  canEdit(accountId: string, contentId: string): boolean {
    const content = this.store.content(contentId);
    return content !== undefined && this.perms.subjectCan(this.perms.userSubject(accountId), 'update', content);
  }

  private summary(content: ContentRecord): ContentSummary {
    const revision = this.store.latest(content);
    return {
      id: content.id,
      type: content.type,
      subtype: content.subtype,
      spaceId: content.spaceId,
      parentId: content.parentId,
      status: content.status,
      title: revision.title,
      body: revision.body,
      version: revision.number,
      authorId: content.authorId,
    };
  }
}
