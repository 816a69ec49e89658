/** The Confluence emulator's public surface: what the sandbox runtime and tests import. */
export {
  ConfluenceEmulator,
  DEFAULT_BASE_URL,
  type CommentSummary,
  type ContentSummary,
  type EmulatorOptions,
} from './emulator';
export { type NewBlogPostInput, type NewContentInput, type NewSpace, type NewUser, type NewVersionInput } from './site-builder';
export { ConfluenceError, type ConfluenceErrorCode } from './errors';
export { SITE_ADMIN_GROUP, SPACE_ROLE_OPERATIONS, type SpaceRole } from './permissions';
export { DEMO_GROUPS, DEMO_PERSONAS, DEMO_ROLES, DEMO_SPACES, type DemoPersona } from './seed';
export {
  type EmulatorState,
  type GroupRecord,
  type LabelPrefix,
  type Principal,
  type RestrictionOperation,
  type Restrictions,
  type SpaceRecord,
  type UserRecord,
} from './state';
export { type ConfluenceActor, type ConfluenceRequest, type ConfluenceResponse, type PageUpdatedEvent } from './types';
