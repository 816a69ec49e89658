/**
 * Who may do what, decided the way Confluence Cloud decides it:
 * space permissions (granted to users, groups, or roles that users and groups hold in the
 * space) gate a whole space, view restrictions hide a page and everything below it, update
 * restrictions apply to the page itself only.
 * Members of `confluence-admins` hold every space permission everywhere but, as in Cloud,
 * still do not see pages whose view restrictions leave them out.
 */
import { forbidden, notFound } from './errors';
import { type ContentRecord, type RestrictionSet, type SpaceRecord } from './state';
import { type Store } from './store';

export type Viewer = { kind: 'app' } | { kind: 'user'; accountId: string };

export const SITE_ADMIN_GROUP = 'confluence-admins';

const VIEW = ['read:space', 'create:comment'] as const;
const EDIT = [...VIEW, 'create:page', 'create:blogpost', 'create:attachment', 'restrict_content:space'] as const;
const ADMIN = [
  ...EDIT,
  'delete:page',
  'delete:blogpost',
  'delete:attachment',
  'delete:comment',
  'archive:page',
  'export:space',
  'administer:space',
] as const;

/** The bundles the space permission screen offers, as `${operation.key}:${operation.targetType}`. */
export const SPACE_ROLE_OPERATIONS = { view: VIEW, edit: EDIT, admin: ADMIN } as const;
export type SpaceRole = keyof typeof SPACE_ROLE_OPERATIONS;

/** A user (with their groups) or a lone group, as the permission check endpoint can ask about either. */
export interface Subject {
  accountId: string | null;
  groupIds: ReadonlySet<string>;
  siteAdmin: boolean;
}

export type ContentOperation = 'read' | 'update' | 'delete';

export class Permissions {
  constructor(private readonly store: Store) {}

  // Subjects ---------------------------------------------------------------------------

  userSubject(accountId: string): Subject {
    const groups = this.store.groupsOf(accountId);
    return {
      accountId,
      groupIds: new Set(groups.map((g) => g.id)),
      siteAdmin: groups.some((g) => g.name === SITE_ADMIN_GROUP),
    };
  }

  groupSubject(groupId: string): Subject {
    const group = this.store.group(groupId);
    return { accountId: null, groupIds: new Set([groupId]), siteAdmin: group?.name === SITE_ADMIN_GROUP };
  }

  accountIdOf(viewer: Viewer): string {
    return viewer.kind === 'app' ? this.store.state.appAccountId : viewer.accountId;
  }

  isSiteAdmin(viewer: Viewer): boolean {
    return viewer.kind === 'app' || this.userSubject(viewer.accountId).siteAdmin;
  }

  // Subject-level decisions ------------------------------------------------------------

  /** Roles the subject holds in a space, directly or through one of its groups. */
  private rolesIn(subject: Subject, spaceId: string): Set<string> {
    const held = this.store
      .roleAssignments(spaceId)
      .filter(({ principal }) =>
        principal.principalType === 'USER' ? principal.principalId === subject.accountId : subject.groupIds.has(principal.principalId),
      )
      .map((a) => a.roleId);
    return new Set(held);
  }

  spaceOperations(subject: Subject, spaceId: string): Set<string> {
    if (subject.siteAdmin) return new Set(ADMIN);
    const roles = this.rolesIn(subject, spaceId);
    const granted = this.store
      .spacePermissions(spaceId)
      .filter(({ principal }) => {
        if (principal.type === 'user') return principal.id === subject.accountId;
        if (principal.type === 'group') return subject.groupIds.has(principal.id);
        return roles.has(principal.id);
      })
      .map((p) => `${p.operation.key}:${p.operation.targetType}`);
    return new Set(granted);
  }

  private has(subject: Subject, spaceId: string, operation: string): boolean {
    return this.spaceOperations(subject, spaceId).has(operation);
  }

  private admitted(subject: Subject, set: RestrictionSet): boolean {
    if (set.users.length === 0 && set.groups.length === 0) return true;
    if (subject.accountId !== null && set.users.includes(subject.accountId)) return true;
    return set.groups.some((g) => subject.groupIds.has(g));
  }

  /** Why the subject may not perform the operation, or null when it may. */
  denial(subject: Subject, operation: ContentOperation, content: ContentRecord): string | null {
    if (!this.has(subject, content.spaceId, 'read:space')) return 'No permission to view the space';
    // An unpublished draft exists only for the person writing it.
    if (content.status === 'draft' && content.authorId !== subject.accountId) return 'The content is an unpublished draft';
    const chain = [...this.store.ancestorsOf(content), content];
    if (!chain.every((node) => this.admitted(subject, this.store.restrictionsOf(node.id).read))) {
      return 'View restrictions on the content or one of its ancestors exclude the subject';
    }
    if (operation === 'read') return null;
    // Blog posts have their own space permissions (`create:blogpost`, `delete:blogpost`).
    const target = content.type === 'blogpost' ? 'blogpost' : 'page';
    const noun = target === 'blogpost' ? 'blog posts' : 'pages';
    if (!this.has(subject, content.spaceId, `create:${target}`)) return `No permission to add or edit ${noun} in the space`;
    if (!this.admitted(subject, this.store.restrictionsOf(content.id).update)) {
      return 'Edit restrictions on the content exclude the subject';
    }
    if (operation === 'delete' && !this.has(subject, content.spaceId, `delete:${target}`)) {
      return `No permission to delete ${noun} in the space`;
    }
    return null;
  }

  subjectCan(subject: Subject, operation: ContentOperation, content: ContentRecord): boolean {
    return this.denial(subject, operation, content) === null;
  }

  // Viewer-level decisions (the actor of a REST call) ----------------------------------

  canReadSpace(viewer: Viewer, spaceId: string): boolean {
    return viewer.kind === 'app' || this.has(this.userSubject(viewer.accountId), spaceId, 'read:space');
  }

  canCreateIn(viewer: Viewer, spaceId: string): boolean {
    if (viewer.kind === 'app') return true;
    const subject = this.userSubject(viewer.accountId);
    return this.has(subject, spaceId, 'read:space') && this.has(subject, spaceId, 'create:page');
  }

  /**
   * The app's own account holds every space permission (app access rules allow every space by
   * default) but, like any user, is kept out by page restrictions that do not name it: Atlassian
   * calls this intended ("the app user will only get the pages and blog posts they have
   * permission to view", developer community thread 93662; suggestion ECO-822 asks to change it).
   */
  private appDenial(operation: ContentOperation, content: ContentRecord): string | null {
    const app: Subject = { accountId: this.store.state.appAccountId, groupIds: new Set(), siteAdmin: false };
    const chain = [...this.store.ancestorsOf(content), content];
    if (!chain.every((node) => this.admitted(app, this.store.restrictionsOf(node.id).read))) {
      return 'View restrictions on the content or one of its ancestors exclude the app';
    }
    if (operation !== 'read' && !this.admitted(app, this.store.restrictionsOf(content.id).update)) {
      return 'Edit restrictions on the content exclude the app';
    }
    return null;
  }

  can(viewer: Viewer, operation: ContentOperation, content: ContentRecord): boolean {
    if (viewer.kind === 'app') return this.appDenial(operation, content) === null;
    return this.subjectCan(this.userSubject(viewer.accountId), operation, content);
  }

  canComment(viewer: Viewer, content: ContentRecord): boolean {
    if (viewer.kind === 'app') return this.can(viewer, 'read', content);
    return this.can(viewer, 'read', content) && this.has(this.userSubject(viewer.accountId), content.spaceId, 'create:comment');
  }

  canRestrict(viewer: Viewer, content: ContentRecord): boolean {
    if (viewer.kind === 'app') return this.can(viewer, 'update', content);
    return (
      this.can(viewer, 'update', content) &&
      this.has(this.userSubject(viewer.accountId), content.spaceId, 'restrict_content:space')
    );
  }

  /** Content the viewer may not see is reported exactly like content that does not exist. */
  readableContent(viewer: Viewer, id: string, type?: ContentRecord['type']): ContentRecord {
    const content = this.store.content(id);
    if (!content || (type !== undefined && content.type !== type) || !this.can(viewer, 'read', content)) {
      throw notFound(`No ${type ?? 'content'} found with id: ${id}`);
    }
    return content;
  }

  readableSpace(viewer: Viewer, id: string): SpaceRecord {
    const space = this.store.space(id);
    if (!space || !this.canReadSpace(viewer, id)) throw notFound(`No space found with id: ${id}`);
    return space;
  }

  requireUpdate(viewer: Viewer, content: ContentRecord): void {
    if (!this.can(viewer, 'update', content)) {
      throw forbidden(`You do not have permission to edit ${content.type} ${content.id}`);
    }
  }
}
