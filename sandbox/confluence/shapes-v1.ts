/** JSON shapes of the v1 API (`/wiki/rest/api`), with its `_links`/`_expandable` conventions. */
import { type Env } from './http';
import { type ContentRecord, type GroupRecord, type LabelRecord, type LongTaskRecord, type RestrictionOperation, type SpaceRecord } from './state';
import { avatar, contentLinks } from './shapes-v2';

export function userV1(env: Env, accountId: string): Record<string, unknown> {
  const user = env.store.user(accountId);
  return {
    type: 'known',
    accountId,
    accountType: user?.accountType ?? 'atlassian',
    email: user?.email ?? '',
    publicName: user?.displayName ?? 'Unknown user',
    profilePicture: avatar(accountId),
    displayName: user?.displayName ?? 'Unknown user',
    timeZone: user?.timeZone ?? 'UTC',
    isExternalCollaborator: false,
    _expandable: { operations: '', personalSpace: '' },
    _links: { self: `${env.baseUrl}/rest/api/user?accountId=${encodeURIComponent(accountId)}` },
  };
}

export function groupV1(env: Env, group: GroupRecord): Record<string, unknown> {
  return {
    type: 'group',
    name: group.name,
    id: group.id,
    _links: { self: `${env.baseUrl}/rest/api/group/by-id?id=${encodeURIComponent(group.id)}` },
  };
}

export function spaceV1(env: Env, space: SpaceRecord): Record<string, unknown> {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    type: 'global',
    status: 'current',
    _expandable: {
      settings: `/rest/api/space/${space.key}/settings`,
      metadata: '',
      operations: '',
      lookAndFeel: `/rest/api/settings/lookandfeel?spaceKey=${space.key}`,
      permissions: '',
      icon: '',
      description: '',
      theme: `/rest/api/space/${space.key}/theme`,
      history: '',
      homepage: space.homepageId === null ? '' : `/rest/api/content/${space.homepageId}`,
    },
    _links: { webui: `/spaces/${space.key}`, self: `${env.baseUrl}/rest/api/space/${space.key}` },
  };
}

/** Content with the default expansions of the copy endpoint: space, history, version. */
export function contentV1(env: Env, content: ContentRecord): Record<string, unknown> {
  const space = env.store.requireSpace(content.spaceId);
  const revision = env.store.latest(content);
  const links = contentLinks(space, content, revision.title);
  return {
    id: content.id,
    type: content.type,
    status: content.status,
    title: revision.title,
    space: spaceV1(env, space),
    history: { latest: true, createdBy: userV1(env, content.authorId), createdDate: content.createdAt },
    version: {
      by: userV1(env, revision.authorId),
      when: revision.createdAt,
      message: revision.message,
      number: revision.number,
      minorEdit: revision.minorEdit,
      contentTypeModified: false,
      _expandable: { collaborators: '', content: `/rest/api/content/${content.id}` },
      _links: { self: `${env.baseUrl}/rest/api/content/${content.id}/version/${revision.number}` },
    },
    extensions: { position: content.position },
    _expandable: {
      childTypes: '',
      container: `/rest/api/space/${space.key}`,
      metadata: '',
      operations: '',
      children: `/rest/api/content/${content.id}/child`,
      restrictions: `/rest/api/content/${content.id}/restriction/byOperation`,
      ancestors: '',
      body: '',
      descendants: `/rest/api/content/${content.id}/descendant`,
    },
    _links: {
      ...links,
      edit: links.editui,
      self: `${env.baseUrl}/rest/api/content/${content.id}`,
      collection: '/rest/api/content',
      base: env.baseUrl,
      context: '/wiki',
    },
  };
}

export function labelV1(label: LabelRecord): Record<string, unknown> {
  return { prefix: label.prefix, name: label.name, id: label.id, label: label.name };
}

export function restrictionV1(env: Env, contentId: string, operation: RestrictionOperation): Record<string, unknown> {
  const set = env.store.restrictionsOf(contentId)[operation];
  const groups = set.groups.flatMap((id) => {
    const group = env.store.group(id);
    return group ? [groupV1(env, group)] : [];
  });
  return {
    operation,
    restrictions: {
      user: { results: set.users.map((id) => userV1(env, id)), start: 0, limit: 200, size: set.users.length },
      group: { results: groups, start: 0, limit: 200, size: groups.length },
    },
    _expandable: { content: `/rest/api/content/${contentId}` },
    _links: { self: `${env.baseUrl}/rest/api/content/${contentId}/restriction/byOperation/${operation}` },
  };
}

export function longTaskV1(env: Env, task: LongTaskRecord): Record<string, unknown> {
  const destination = task.destinationId === null ? undefined : env.store.content(task.destinationId);
  const destinationSpace = destination ? env.store.space(destination.spaceId) : undefined;
  return {
    ari: `ari:cloud:confluence::longtask/${task.id}`,
    id: task.id,
    name: { key: 'com.atlassian.confluence.copy.page.hierarchy', args: [] },
    elapsedTime: 0,
    percentageComplete: 100,
    successful: task.successful,
    finished: true,
    messages: task.successful ? [{ translation: `Copied ${task.totalPages} page(s)`, args: [] }] : [],
    status: task.successful ? 'COMPLETED' : 'FAILED',
    errors: task.errors.map((translation) => ({ translation, args: [] })),
    additionalDetails: {
      destinationId: task.destinationId ?? '',
      destinationUrl:
        destination && destinationSpace ? contentLinks(destinationSpace, destination, env.store.title(destination)).webui : '',
      totalPageNeedToCopy: task.totalPages,
    },
    _links: { base: env.baseUrl, context: '/wiki', self: `${env.baseUrl}/rest/api/longtask/${task.id}` },
  };
}
