/**
 * What building a site takes: the inputs of the emulator's set-up methods and the methods the
 * demo seed calls. A module of its own so the seed can build a site without importing the
 * emulator that runs it (the two would otherwise import each other).
 */
import { type SpaceRole } from './permissions';
import { type ContentStatus, type LabelPrefix, type Principal, type RestrictionOperation } from './state';

export interface NewUser {
  accountId: string;
  displayName: string;
  email?: string;
  timeZone?: string;
}

export interface NewSpace {
  id?: string;
  key: string;
  name: string;
  description?: string;
  authorId: string;
  createdAt?: string;
  homepage?: { id?: string; title?: string; body?: string };
}

export interface NewContentInput {
  id?: string;
  spaceId: string;
  /** Defaults to the space homepage; `null` makes a root-level page. */
  parentId?: string | null;
  title: string;
  body?: string;
  authorId: string;
  status?: ContentStatus;
  createdAt?: string;
  /** `live` makes a live doc. */
  subtype?: 'live';
}

export type NewBlogPostInput = Omit<NewContentInput, 'parentId' | 'subtype'>;

export interface NewVersionInput {
  title?: string;
  body?: string;
  authorId: string;
  message?: string;
  createdAt?: string;
}

/** The set-up methods the seed uses; `ConfluenceEmulator` implements them. Their results are the emulator's business. */
export interface SiteBuilder {
  readonly appAccountId: string;
  addUser(input: NewUser): unknown;
  addGroup(input: { id: string; name: string; members?: string[] }): unknown;
  addSpace(input: NewSpace): unknown;
  grantSpacePermission(spaceId: string, principal: Principal, grant: SpaceRole | { key: string; targetType: string }): void;
  addSpaceRole(input: { id?: string; name: string; description?: string; type?: 'SYSTEM' | 'CUSTOM'; grants: SpaceRole | string[] }): unknown;
  assignSpaceRole(spaceId: string, roleId: string, principal: { type: 'user' | 'group'; id: string }): void;
  addPage(input: NewContentInput): unknown;
  addFolder(input: NewContentInput): unknown;
  addBlogPost(input: NewBlogPostInput): unknown;
  addPageVersion(pageId: string, input: NewVersionInput): unknown;
  setRestriction(contentId: string, operation: RestrictionOperation, who: { users?: string[]; groups?: string[] }): void;
  addLabel(contentId: string, name: string, prefix?: LabelPrefix): void;
}
