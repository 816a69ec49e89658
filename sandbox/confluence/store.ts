/**
 * The data of the emulated site and the integrity rules Confluence itself enforces
 * (unique ids, a tree without cycles, unique page titles per space, monotonic versions).
 * Who may do what is not decided here: that is permissions.ts.
 */
import { badRequest, conflict, notFound } from './errors';
import {
  type ContentRecord,
  type ContentStatus,
  type EmulatorState,
  type GroupRecord,
  type Principal,
  type RestrictionOperation,
  type RestrictionSet,
  type Restrictions,
  type Revision,
  type RoleAssignmentRecord,
  type SpacePermissionRecord,
  type SpaceRoleRecord,
  type SpaceRecord,
  type UserRecord,
} from './state';
import { SiteIndex } from './site-index';

export interface NewContent {
  id?: string;
  type: ContentRecord['type'];
  subtype?: ContentRecord['subtype'];
  spaceId: string;
  parentId: string | null;
  title: string;
  body: string;
  authorId: string;
  status?: ContentStatus;
  createdAt?: string;
  message?: string;
}

export interface RevisionChange {
  title: string;
  body: string;
  authorId: string;
  message?: string;
  minorEdit?: boolean;
  createdAt?: string;
}

/** Confluence ids are numbers serialised as strings; comparing them as text would put "10" before "9". */
export function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

const emptyRestrictions = (): Restrictions => ({ read: { users: [], groups: [] }, update: { users: [], groups: [] } });

export class Store {
  /** Lookups the store and the annotations keep up as they write (site-index.ts). */
  readonly index: SiteIndex;

  constructor(
    readonly state: EmulatorState,
    private readonly clock: () => Date,
  ) {
    this.index = new SiteIndex(state);
  }

  now(): string {
    return this.clock().toISOString();
  }

  /** A fresh id, or the caller's own one after checking it is free (seeds pin ids so docs can name them). */
  claimId(requested?: string): string {
    if (requested === undefined) return String(this.state.nextId++);
    if (!/^\d+$/.test(requested)) throw badRequest(`Content ids are numeric: ${requested}`);
    if (this.idInUse(requested)) throw conflict(`Id ${requested} is already in use`);
    this.state.nextId = Math.max(this.state.nextId, Number(requested) + 1);
    return requested;
  }

  private idInUse(id: string): boolean {
    const s = this.state;
    return (
      id in s.contents ||
      id in s.spaces ||
      id in s.comments ||
      id in s.properties ||
      id in s.labels ||
      id in s.longTasks ||
      id in s.spaceRoles ||
      s.spacePermissions.some((p) => p.id === id)
    );
  }

  // Users and groups -------------------------------------------------------------------

  user(accountId: string): UserRecord | undefined {
    return this.state.users[accountId];
  }

  requireUser(accountId: string): UserRecord {
    const user = this.user(accountId);
    if (!user) throw notFound(`No user found with accountId: ${accountId}`);
    return user;
  }

  allUsers(): UserRecord[] {
    return Object.values(this.state.users).sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  addUser(user: UserRecord): UserRecord {
    if (this.state.users[user.accountId]) throw conflict(`User ${user.accountId} already exists`);
    this.state.users[user.accountId] = user;
    return user;
  }

  group(id: string): GroupRecord | undefined {
    return this.state.groups[id];
  }

  groupByName(name: string): GroupRecord | undefined {
    return Object.values(this.state.groups).find((g) => g.name === name);
  }

  allGroups(): GroupRecord[] {
    return Object.values(this.state.groups).sort((a, b) => a.name.localeCompare(b.name));
  }

  groupsOf(accountId: string): GroupRecord[] {
    return this.allGroups().filter((g) => g.members.includes(accountId));
  }

  addGroup(group: GroupRecord): GroupRecord {
    if (this.state.groups[group.id]) throw conflict(`Group ${group.id} already exists`);
    if (this.groupByName(group.name)) throw conflict(`A group named ${group.name} already exists`);
    this.state.groups[group.id] = group;
    return group;
  }

  addGroupMember(groupId: string, accountId: string): void {
    const group = this.group(groupId);
    if (!group) throw notFound(`No group with id ${groupId}`);
    this.requireUser(accountId);
    if (!group.members.includes(accountId)) group.members.push(accountId);
  }

  /** Many members at once in linear time, for groups of tens of thousands (e.g. confluence-users). */
  addGroupMembers(groupId: string, accountIds: readonly string[]): void {
    const group = this.group(groupId);
    if (!group) throw notFound(`No group with id ${groupId}`);
    const members = new Set(group.members);
    for (const accountId of accountIds) {
      this.requireUser(accountId);
      if (!members.has(accountId)) {
        members.add(accountId);
        group.members.push(accountId);
      }
    }
  }

  // Spaces -----------------------------------------------------------------------------

  space(id: string): SpaceRecord | undefined {
    return this.state.spaces[id];
  }

  spaceByKey(key: string): SpaceRecord | undefined {
    return Object.values(this.state.spaces).find((s) => s.key === key);
  }

  requireSpace(id: string): SpaceRecord {
    const space = this.space(id);
    if (!space) throw notFound(`No space with id ${id}`);
    return space;
  }

  allSpaces(): SpaceRecord[] {
    return Object.values(this.state.spaces).sort((a, b) => compareIds(a.id, b.id));
  }

  addSpace(space: Omit<SpaceRecord, 'id'> & { id?: string }): SpaceRecord {
    if (this.spaceByKey(space.key)) throw conflict(`A space with key ${space.key} already exists`);
    const record: SpaceRecord = { ...space, id: this.claimId(space.id) };
    this.state.spaces[record.id] = record;
    return record;
  }

  spacePermissions(spaceId: string): SpacePermissionRecord[] {
    return this.state.spacePermissions.filter((p) => p.spaceId === spaceId).sort((a, b) => compareIds(a.id, b.id));
  }

  grantSpaceOperation(spaceId: string, principal: Principal, key: string, targetType: string): void {
    this.requireSpace(spaceId);
    const exists = this.state.spacePermissions.some(
      (p) =>
        p.spaceId === spaceId &&
        p.principal.type === principal.type &&
        p.principal.id === principal.id &&
        p.operation.key === key &&
        p.operation.targetType === targetType,
    );
    if (exists) return;
    this.state.spacePermissions.push({ id: this.claimId(), spaceId, principal: { ...principal }, operation: { key, targetType } });
  }

  revokeSpaceOperation(spaceId: string, principal: Principal, key: string, targetType: string): void {
    this.requireSpace(spaceId);
    this.state.spacePermissions = this.state.spacePermissions.filter(
      (p) =>
        !(
          p.spaceId === spaceId &&
          p.principal.type === principal.type &&
          p.principal.id === principal.id &&
          p.operation.key === key &&
          p.operation.targetType === targetType
        ),
    );
  }

  // Space roles ------------------------------------------------------------------------

  spaceRole(id: string): SpaceRoleRecord | undefined {
    return this.state.spaceRoles[id];
  }

  addSpaceRole(role: Omit<SpaceRoleRecord, 'id'> & { id?: string }): SpaceRoleRecord {
    if (Object.values(this.state.spaceRoles).some((r) => r.name === role.name)) throw conflict(`A space role named ${role.name} already exists`);
    const record: SpaceRoleRecord = { ...role, id: this.claimId(role.id) };
    this.state.spaceRoles[record.id] = record;
    return record;
  }

  roleAssignments(spaceId: string): RoleAssignmentRecord[] {
    return this.state.roleAssignments.filter((a) => a.spaceId === spaceId);
  }

  /** A principal takes a role in a space; the space then lists the role's operations under a `role` principal. */
  assignSpaceRole(spaceId: string, roleId: string, principal: RoleAssignmentRecord['principal']): void {
    this.requireSpace(spaceId);
    const role = this.spaceRole(roleId);
    if (!role) throw notFound(`No space role with id ${roleId}`);
    if (principal.principalType === 'USER') this.requireUser(principal.principalId);
    else if (!this.group(principal.principalId)) throw notFound(`No group with id ${principal.principalId}`);
    for (const operation of role.operations) {
      const [key, targetType] = operation.split(':');
      this.grantSpaceOperation(spaceId, { type: 'role', id: roleId }, key, targetType);
    }
    const held = this.state.roleAssignments.some(
      (a) =>
        a.spaceId === spaceId && a.roleId === roleId && a.principal.principalType === principal.principalType && a.principal.principalId === principal.principalId,
    );
    if (!held) this.state.roleAssignments.push({ spaceId, roleId, principal: { ...principal } });
  }

  // Content tree -----------------------------------------------------------------------

  content(id: string): ContentRecord | undefined {
    return this.state.contents[id];
  }

  requireContent(id: string): ContentRecord {
    const content = this.content(id);
    if (!content) throw notFound(`No content found with id: ${id}`);
    return content;
  }

  allContents(): ContentRecord[] {
    return Object.values(this.state.contents).sort((a, b) => compareIds(a.id, b.id));
  }

  latest(content: ContentRecord): Revision {
    return content.revisions[content.revisions.length - 1];
  }

  title(content: ContentRecord): string {
    return this.latest(content).title;
  }

  /** Children in tree order, i.e. as Confluence's page tree shows them. */
  childrenOf(parentId: string): ContentRecord[] {
    const parent = this.content(parentId);
    if (parent === undefined) return [];
    return this.index
      .childrenOf(parent.spaceId, parentId)
      .sort((a, b) => a.position - b.position || compareIds(a.id, b.id));
  }

  /** Root-level content of a space: the homepage and any page created without a parent (blog posts are not in the tree). */
  rootsOf(spaceId: string): ContentRecord[] {
    return this.index
      .childrenOf(spaceId, null)
      .filter((c) => c.type !== 'blogpost')
      .sort((a, b) => a.position - b.position || compareIds(a.id, b.id));
  }

  /** Root first, the direct parent last. */
  ancestorsOf(content: ContentRecord): ContentRecord[] {
    const chain: ContentRecord[] = [];
    let parentId = content.parentId;
    while (parentId !== null) {
      const parent = this.requireContent(parentId);
      chain.unshift(parent);
      parentId = parent.parentId;
    }
    return chain;
  }

  /** Pre-order, so a copy can create every parent before its children. */
  descendantsOf(content: ContentRecord): ContentRecord[] {
    return this.childrenOf(content.id).flatMap((child) => [child, ...this.descendantsOf(child)]);
  }

  /** Classic Confluence rule: two current pages of one space cannot share a title. */
  titleTaken(spaceId: string, title: string, exceptId?: string): boolean {
    return this.index.titled(spaceId, title).some(
      (c) =>
        c.type === 'page' &&
        c.status === 'current' &&
        c.id !== exceptId &&
        this.title(c).toLowerCase() === title.toLowerCase(),
    );
  }

  createContent(input: NewContent): ContentRecord {
    this.requireSpace(input.spaceId);
    if (input.title.trim() === '') throw badRequest('Title cannot be empty');
    if (input.type === 'blogpost' && input.parentId !== null) throw badRequest('A blog post has no parent: blog posts are not in the page tree');
    if (input.type !== 'page' && input.subtype) throw badRequest('Only a page can be a live doc');
    if (input.parentId !== null) {
      const parent = this.requireContent(input.parentId);
      if (parent.spaceId !== input.spaceId) throw badRequest('A parent must be in the same space as its child');
      if (parent.type === 'blogpost') throw badRequest('A blog post cannot have children');
    }
    const status = input.status ?? 'current';
    if (input.type === 'page' && status === 'current' && this.titleTaken(input.spaceId, input.title)) {
      throw badRequest(`A page with this title already exists: ${input.title}`);
    }
    const createdAt = input.createdAt ?? this.now();
    const record: ContentRecord = {
      id: this.claimId(input.id),
      type: input.type,
      subtype: input.subtype ?? null,
      spaceId: input.spaceId,
      status,
      parentId: input.parentId,
      position: this.index.nextPosition(input.spaceId, input.parentId),
      authorId: input.authorId,
      ownerId: input.authorId,
      createdAt,
      revisions: [
        {
          number: 1,
          title: input.title,
          body: input.body,
          message: input.message ?? '',
          minorEdit: false,
          authorId: input.authorId,
          createdAt,
        },
      ],
    };
    this.state.contents[record.id] = record;
    this.index.contentAdded(record);
    return record;
  }

  addRevision(content: ContentRecord, change: RevisionChange): Revision {
    if (change.title.trim() === '') throw badRequest('Title cannot be empty');
    if (content.type === 'page' && content.status === 'current' && this.titleTaken(content.spaceId, change.title, content.id)) {
      throw badRequest(`A page with this title already exists: ${change.title}`);
    }
    const revision: Revision = {
      number: this.latest(content).number + 1,
      title: change.title,
      body: change.body,
      message: change.message ?? '',
      minorEdit: change.minorEdit ?? false,
      authorId: change.authorId,
      createdAt: change.createdAt ?? this.now(),
    };
    content.revisions.push(revision);
    this.index.titleUsed(content, revision.title);
    return revision;
  }

  moveContent(content: ContentRecord, parentId: string): void {
    const parent = this.requireContent(parentId);
    if (parent.spaceId !== content.spaceId) throw badRequest('Moving content to another space is not supported');
    if (content.type === 'blogpost' || parent.type === 'blogpost') throw badRequest('Blog posts are not in the page tree: they cannot be moved or be a parent');
    if (parent.id === content.id || this.ancestorsOf(parent).some((a) => a.id === content.id)) {
      throw badRequest('Content cannot be moved below itself');
    }
    if (content.parentId === parentId) return;
    const from = content.parentId;
    content.parentId = parentId;
    content.position = this.index.nextPosition(content.spaceId, parentId);
    this.index.contentMoved(content, from);
  }

  // Restrictions -----------------------------------------------------------------------

  restrictionsOf(contentId: string): Restrictions {
    return this.state.restrictions[contentId] ?? emptyRestrictions();
  }

  setRestrictionSet(contentId: string, operation: RestrictionOperation, set: RestrictionSet): void {
    this.requireContent(contentId);
    const current = this.restrictionsOf(contentId);
    const next: Restrictions = { ...current, [operation]: { users: [...new Set(set.users)], groups: [...new Set(set.groups)] } };
    const isEmpty = (s: RestrictionSet) => s.users.length === 0 && s.groups.length === 0;
    if (isEmpty(next.read) && isEmpty(next.update)) delete this.state.restrictions[contentId];
    else this.state.restrictions[contentId] = next;
  }
}
