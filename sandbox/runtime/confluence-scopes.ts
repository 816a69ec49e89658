/**
 * The OAuth 2.0 scopes each Confluence REST operation needs, one entry per operation the
 * emulator serves (method + path template as the OpenAPI writes it). Facts, kept as data:
 * - v2: the Confluence Cloud REST API v2 OpenAPI (repository alexhokl/confluence-cli, file
 *   swagger/api/openapi.yaml), each operation's `x-atlassian-oauth2-scopes`. Every operation there
 *   names one set (state Current, the granular scopes); there is no classic alternative.
 * - v1: the Confluence Cloud REST API v1 OpenAPI (repository sschatter/confluence-cloud-rest-api-spec,
 *   file swagger.v3.json), each operation's `security[].oAuthDefinitions` (the classic scopes).
 *   The granular alternatives Atlassian's site lists for v1 have no source here, so they are not
 *   accepted: the stricter reading.
 * - `assumed: true`: the OpenAPI names no scope; docs/sandbox-runtime.md says what we assume.
 * An operation is allowed when the app holds every scope of its set.
 */
import { type HttpMethod } from '../confluence/http';

export interface OperationScopes {
  method: HttpMethod;
  path: string;
  operation: string;
  scopes: readonly string[];
  assumed?: true;
}

const V2: readonly OperationScopes[] = [
  { method: 'GET', path: '/wiki/api/v2/spaces', operation: 'getSpaces', scopes: ['read:space:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/spaces/{id}', operation: 'getSpaceById', scopes: ['read:space:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/spaces/{id}/permissions', operation: 'getSpacePermissionsAssignments', scopes: ['read:space:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/spaces/{id}/role-assignments', operation: 'getSpaceRoleAssignments', scopes: ['read:space.permission:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/spaces/{id}/pages', operation: 'getPagesInSpace', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages', operation: 'getPages', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}', operation: 'getPageById', scopes: ['read:page:confluence'] },
  { method: 'PUT', path: '/wiki/api/v2/pages/{id}', operation: 'updatePage', scopes: ['write:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/versions', operation: 'getPageVersions', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts', operation: 'getBlogPosts', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts/{id}', operation: 'getBlogPostById', scopes: ['read:page:confluence'] },
  { method: 'PUT', path: '/wiki/api/v2/blogposts/{id}', operation: 'updateBlogPost', scopes: ['write:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts/{id}/versions', operation: 'getBlogPostVersions', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/spaces/{id}/blogposts', operation: 'getBlogPostsInSpace', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/folders/{id}', operation: 'getFolderById', scopes: ['read:folder:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/direct-children', operation: 'getPageDirectChildren', scopes: ['read:hierarchical-content:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/folders/{id}/direct-children', operation: 'getFolderDirectChildren', scopes: ['read:hierarchical-content:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/children', operation: 'getChildPages', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/ancestors', operation: 'getPageAncestors', scopes: ['read:content.metadata:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/folders/{id}/ancestors', operation: 'getFolderAncestors', scopes: ['read:content.metadata:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{page-id}/properties', operation: 'getPageContentProperties', scopes: ['read:page:confluence'] },
  { method: 'POST', path: '/wiki/api/v2/pages/{page-id}/properties', operation: 'createPageProperty', scopes: ['read:page:confluence', 'write:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{page-id}/properties/{property-id}', operation: 'getPageContentPropertiesById', scopes: ['read:page:confluence'] },
  { method: 'PUT', path: '/wiki/api/v2/pages/{page-id}/properties/{property-id}', operation: 'updatePagePropertyById', scopes: ['read:page:confluence', 'write:page:confluence'] },
  { method: 'DELETE', path: '/wiki/api/v2/pages/{page-id}/properties/{property-id}', operation: 'deletePagePropertyById', scopes: ['read:page:confluence', 'write:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/folders/{id}/properties', operation: 'getFolderContentProperties', scopes: ['read:folder:confluence'] },
  { method: 'POST', path: '/wiki/api/v2/folders/{id}/properties', operation: 'createFolderProperty', scopes: ['read:folder:confluence', 'write:folder:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/folders/{folder-id}/properties/{property-id}', operation: 'getFolderContentPropertiesById', scopes: ['read:folder:confluence'] },
  { method: 'PUT', path: '/wiki/api/v2/folders/{folder-id}/properties/{property-id}', operation: 'updateFolderPropertyById', scopes: ['read:folder:confluence', 'write:folder:confluence'] },
  { method: 'DELETE', path: '/wiki/api/v2/folders/{folder-id}/properties/{property-id}', operation: 'deleteFolderPropertyById', scopes: ['read:folder:confluence', 'write:folder:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts/{blogpost-id}/properties', operation: 'getBlogpostContentProperties', scopes: ['read:page:confluence'] },
  { method: 'POST', path: '/wiki/api/v2/blogposts/{blogpost-id}/properties', operation: 'createBlogpostProperty', scopes: ['read:page:confluence', 'write:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts/{blogpost-id}/properties/{property-id}', operation: 'getBlogpostContentPropertiesById', scopes: ['read:page:confluence'] },
  { method: 'PUT', path: '/wiki/api/v2/blogposts/{blogpost-id}/properties/{property-id}', operation: 'updateBlogpostPropertyById', scopes: ['read:page:confluence', 'write:page:confluence'] },
  { method: 'DELETE', path: '/wiki/api/v2/blogposts/{blogpost-id}/properties/{property-id}', operation: 'deleteBlogpostPropertyById', scopes: ['read:page:confluence', 'write:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/footer-comments', operation: 'getPageFooterComments', scopes: ['read:comment:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts/{id}/footer-comments', operation: 'getBlogPostFooterComments', scopes: ['read:comment:confluence'] },
  { method: 'POST', path: '/wiki/api/v2/footer-comments', operation: 'createFooterComment', scopes: ['write:comment:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/footer-comments/{comment-id}', operation: 'getFooterCommentById', scopes: ['read:comment:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/footer-comments/{id}/children', operation: 'getFooterCommentChildren', scopes: ['read:comment:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/pages/{id}/labels', operation: 'getPageLabels', scopes: ['read:page:confluence'] },
  { method: 'GET', path: '/wiki/api/v2/blogposts/{id}/labels', operation: 'getBlogPostLabels', scopes: ['read:page:confluence'] },
  { method: 'POST', path: '/wiki/api/v2/users-bulk', operation: 'createBulkUserLookup', scopes: ['read:user:confluence'] },
];

const V1: readonly OperationScopes[] = [
  { method: 'GET', path: '/wiki/rest/api/content/{id}/label', operation: 'getLabelsForContent', scopes: ['read:confluence-content.summary'] },
  { method: 'POST', path: '/wiki/rest/api/content/{id}/label', operation: 'addLabelsToContent', scopes: ['write:confluence-content'] },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}/label/{label}', operation: 'removeLabelFromContent', scopes: ['write:confluence-content'] },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}/label', operation: 'removeLabelFromContentUsingQueryParameter', scopes: ['write:confluence-content'] },
  { method: 'GET', path: '/wiki/rest/api/content/{id}/restriction', operation: 'getRestrictions', scopes: ['read:confluence-content.all'] },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}/restriction', operation: 'updateRestrictions', scopes: ['write:confluence-content'] },
  { method: 'POST', path: '/wiki/rest/api/content/{id}/restriction', operation: 'addRestrictions', scopes: ['write:confluence-content'] },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}/restriction', operation: 'deleteRestrictions', scopes: ['write:confluence-content'] },
  { method: 'GET', path: '/wiki/rest/api/content/{id}/restriction/byOperation', operation: 'getRestrictionsByOperation', scopes: ['read:confluence-content.all'] },
  { method: 'GET', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}', operation: 'getRestrictionsForOperation', scopes: ['read:confluence-content.all'] },
  { method: 'GET', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/user', operation: 'getContentRestrictionStatusForUser', scopes: ['read:confluence-content.all'] },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/user', operation: 'addUserToContentRestriction', scopes: ['write:confluence-content'] },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/user', operation: 'removeUserFromContentRestriction', scopes: ['write:confluence-content'] },
  { method: 'GET', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/group/{groupName}', operation: 'getContentRestrictionStatusForGroup', scopes: ['read:confluence-content.all'] },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/group/{groupName}', operation: 'addGroupToContentRestriction', scopes: ['write:confluence-content'] },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/group/{groupName}', operation: 'removeGroupFromContentRestrictionById', scopes: ['write:confluence-content'] },
  { method: 'GET', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/byGroupId/{groupId}', operation: 'getIndividualGroupRestrictionStatusByGroupId', scopes: ['read:confluence-content.all'] },
  { method: 'PUT', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/byGroupId/{groupId}', operation: 'addGroupToContentRestrictionByGroupId', scopes: ['write:confluence-content'] },
  { method: 'DELETE', path: '/wiki/rest/api/content/{id}/restriction/byOperation/{operationKey}/byGroupId/{groupId}', operation: 'removeGroupFromContentRestriction', scopes: ['write:confluence-content'] },
  { method: 'POST', path: '/wiki/rest/api/content/{id}/copy', operation: 'copyPage', scopes: ['write:confluence-content'] },
  { method: 'POST', path: '/wiki/rest/api/content/{id}/pagehierarchy/copy', operation: 'copyPageHierarchy', scopes: ['write:confluence-content'] },
  { method: 'GET', path: '/wiki/rest/api/longtask/{id}', operation: 'getTask', scopes: ['read:confluence-space.summary'] },
  { method: 'POST', path: '/wiki/rest/api/content/{id}/permission/check', operation: 'checkContentPermission', scopes: ['read:confluence-content.permission'] },
  { method: 'GET', path: '/wiki/rest/api/user', operation: 'getUser', scopes: ['read:confluence-user'] },
  { method: 'GET', path: '/wiki/rest/api/user/current', operation: 'getCurrentUser', scopes: ['read:confluence-user'] },
  { method: 'GET', path: '/wiki/rest/api/user/memberof', operation: 'getGroupMembershipsForUser', scopes: ['read:confluence-user'] },
  { method: 'GET', path: '/wiki/rest/api/group', operation: 'getGroups', scopes: ['read:confluence-groups'] },
  { method: 'GET', path: '/wiki/rest/api/group/picker', operation: 'searchGroups', scopes: ['read:confluence-groups'] },
  { method: 'GET', path: '/wiki/rest/api/group/by-id', operation: 'getGroupByGroupId', scopes: ['read:confluence-groups'], assumed: true },
  { method: 'GET', path: '/wiki/rest/api/group/member', operation: 'getMembersByQueryParam', scopes: ['read:confluence-groups'] },
  { method: 'GET', path: '/wiki/rest/api/group/{groupId}/membersByGroupId', operation: 'getGroupMembersByGroupId', scopes: ['read:confluence-groups'] },
  { method: 'GET', path: '/wiki/rest/api/search/user', operation: 'searchUser', scopes: ['read:confluence-user'], assumed: true },
  { method: 'GET', path: '/wiki/rest/api/space/{spaceKey}', operation: 'getSpace', scopes: ['read:confluence-space.summary'] },
];

export const CONFLUENCE_OPERATION_SCOPES: readonly OperationScopes[] = [...V2, ...V1];

/**
 * Paths the emulator answers that Confluence Cloud has no operation for (absent from the OpenAPI):
 * an app calling one would fail on a real site, so the sandbox refuses it too.
 */
export const NOT_CONFLUENCE_OPERATIONS: readonly { method: HttpMethod; path: string }[] = [{ method: 'GET', path: '/wiki/api/v2/folders/{id}/labels' }];
