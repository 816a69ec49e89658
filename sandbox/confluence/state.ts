/**
 * The emulator's whole persisted state. The zod schemas are the single source of the
 * types: `restore()` validates a snapshot with them, so a stale or hand-edited snapshot
 * fails loudly instead of producing a half-working Confluence.
 */
import { z } from 'zod';

export const STATE_FORMAT = 'approvalflow-confluence-emulator/1';

const id = z.string().regex(/^\d+$/, 'Confluence ids are numeric strings');

export const versionSchema = z.object({
  number: z.number().int().min(1),
  message: z.string(),
  minorEdit: z.boolean(),
  authorId: z.string(),
  createdAt: z.string(),
});

export const userSchema = z.object({
  accountId: z.string().min(1),
  displayName: z.string(),
  email: z.string(),
  accountType: z.enum(['atlassian', 'app']),
  timeZone: z.string(),
  active: z.boolean(),
});

export const groupSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  members: z.array(z.string()),
});

export const spaceSchema = z.object({
  id,
  key: z.string().regex(/^[A-Z0-9]+$/, 'space keys are upper-case letters and digits'),
  name: z.string(),
  description: z.string(),
  authorId: z.string(),
  createdAt: z.string(),
  homepageId: id.nullable(),
});

/** A `role` principal grants its operations to whoever the space's role assignments name (OpenAPI SpacePermissionAssignment). */
export const principalSchema = z.object({ type: z.enum(['user', 'group', 'role']), id: z.string().min(1) });

/** A space role (OpenAPI SpaceRole): a named bundle of space operations, defined once for the site. */
export const spaceRoleSchema = z.object({
  id,
  name: z.string().min(1),
  description: z.string(),
  type: z.enum(['SYSTEM', 'CUSTOM']),
  /** `${key}:${targetType}`, as the space permission assignments name them. */
  operations: z.array(z.string()),
});

/** One principal holding a role in one space (OpenAPI SpaceRoleAssignment). */
export const roleAssignmentSchema = z.object({
  spaceId: id,
  roleId: id,
  principal: z.object({ principalType: z.enum(['USER', 'GROUP']), principalId: z.string().min(1) }),
});

export const spacePermissionSchema = z.object({
  id,
  spaceId: id,
  principal: principalSchema,
  operation: z.object({ key: z.string(), targetType: z.string() }),
});

/** One stored version of a page or folder: what the page looked like at that version. */
export const revisionSchema = versionSchema.extend({ title: z.string(), body: z.string() });

export const contentStatusSchema = z.enum(['current', 'draft', 'archived', 'trashed']);

/** Blog posts live beside the page tree: no parent, no position among siblings. */
export const contentTypeSchema = z.enum(['page', 'folder', 'blogpost']);

export const contentSchema = z.object({
  id,
  type: contentTypeSchema,
  /** `live` marks a live doc (a page that is edited together and never published as versions). */
  subtype: z.literal('live').nullable().default(null),
  spaceId: id,
  status: contentStatusSchema,
  parentId: id.nullable(),
  position: z.number().int(),
  authorId: z.string(),
  ownerId: z.string(),
  createdAt: z.string(),
  revisions: z.array(revisionSchema).min(1),
});

export const restrictionSetSchema = z.object({ users: z.array(z.string()), groups: z.array(z.string()) });
export const restrictionsSchema = z.object({ read: restrictionSetSchema, update: restrictionSetSchema });

export const labelPrefixSchema = z.enum(['global', 'my', 'team', 'system']);
export const labelSchema = z.object({ id, prefix: labelPrefixSchema, name: z.string().min(1) });

export const propertySchema = z.object({
  id,
  contentId: id,
  key: z.string().min(1),
  value: z.unknown(),
  version: versionSchema,
});

export const commentBodySchema = z.object({
  representation: z.enum(['storage', 'atlas_doc_format']),
  value: z.string(),
});

export const commentSchema = z.object({
  id,
  /** The page or blog post the comment is on. */
  pageId: id,
  parentCommentId: id.nullable(),
  authorId: z.string(),
  createdAt: z.string(),
  body: commentBodySchema,
});

export const longTaskSchema = z.object({
  id,
  kind: z.literal('copy-page-hierarchy'),
  requestedBy: z.string(),
  createdAt: z.string(),
  successful: z.boolean(),
  destinationId: id.nullable(),
  totalPages: z.number().int(),
  errors: z.array(z.string()),
});

export const stateSchema = z.object({
  format: z.literal(STATE_FORMAT),
  nextId: z.number().int().min(1),
  appAccountId: z.string().min(1),
  users: z.record(z.string(), userSchema),
  groups: z.record(z.string(), groupSchema),
  spaces: z.record(z.string(), spaceSchema),
  spacePermissions: z.array(spacePermissionSchema),
  // Defaults keep snapshots written before roles existed loadable.
  spaceRoles: z.record(z.string(), spaceRoleSchema).default({}),
  roleAssignments: z.array(roleAssignmentSchema).default([]),
  contents: z.record(z.string(), contentSchema),
  restrictions: z.record(z.string(), restrictionsSchema),
  labels: z.record(z.string(), labelSchema),
  contentLabels: z.record(z.string(), z.array(z.string())),
  properties: z.record(z.string(), propertySchema),
  comments: z.record(z.string(), commentSchema),
  longTasks: z.record(z.string(), longTaskSchema),
});

export type VersionRecord = z.infer<typeof versionSchema>;
export type UserRecord = z.infer<typeof userSchema>;
export type GroupRecord = z.infer<typeof groupSchema>;
export type SpaceRecord = z.infer<typeof spaceSchema>;
export type Principal = z.infer<typeof principalSchema>;
export type SpacePermissionRecord = z.infer<typeof spacePermissionSchema>;
export type SpaceRoleRecord = z.infer<typeof spaceRoleSchema>;
export type RoleAssignmentRecord = z.infer<typeof roleAssignmentSchema>;
export type Revision = z.infer<typeof revisionSchema>;
export type ContentStatus = z.infer<typeof contentStatusSchema>;
export type ContentType = z.infer<typeof contentTypeSchema>;
export type ContentRecord = z.infer<typeof contentSchema>;
export type RestrictionSet = z.infer<typeof restrictionSetSchema>;
export type Restrictions = z.infer<typeof restrictionsSchema>;
export type RestrictionOperation = keyof Restrictions;
export type LabelPrefix = z.infer<typeof labelPrefixSchema>;
export type LabelRecord = z.infer<typeof labelSchema>;
export type PropertyRecord = z.infer<typeof propertySchema>;
export type CommentBody = z.infer<typeof commentBodySchema>;
export type CommentRecord = z.infer<typeof commentSchema>;
export type LongTaskRecord = z.infer<typeof longTaskSchema>;
export type EmulatorState = z.infer<typeof stateSchema>;

/** The app's bot user: author of everything the app writes with `asApp()`. */
export const DEFAULT_APP_ACCOUNT_ID = 'app-approvalflow';

export function emptyState(appAccountId: string = DEFAULT_APP_ACCOUNT_ID): EmulatorState {
  return {
    format: STATE_FORMAT,
    // Ids below this are left free for seeds that want short, memorable ids.
    nextId: 900001,
    appAccountId,
    users: {
      [appAccountId]: {
        accountId: appAccountId,
        displayName: 'ApprovalFlow',
        email: '',
        accountType: 'app',
        timeZone: 'UTC',
        active: true,
      },
    },
    groups: {},
    spaces: {},
    spacePermissions: [],
    spaceRoles: {},
    roleAssignments: [],
    contents: {},
    restrictions: {},
    labels: {},
    contentLabels: {},
    properties: {},
    comments: {},
    longTasks: {},
  };
}
