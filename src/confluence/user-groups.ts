import { route } from '@forge/api';
import { AS_APP, confluenceJson } from './http';

interface GroupPage {
  results: { id: string }[];
  _links?: { next?: string };
}

/** The page size Confluence serves for a user's groups (v1 `user/memberof`, default and cap 200). */
const PAGE = 200;

/**
 * The ids of the groups a person belongs to: how a group approver is checked without listing the
 * group's members. One call for anyone in at most 200 groups; further pages only beyond that.
 */
export async function getUserGroupIds(accountId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; ; start += PAGE) {
    const body = await confluenceJson<GroupPage>(AS_APP, route`/wiki/rest/api/user/memberof?accountId=${accountId}&start=${start}&limit=${PAGE}`);
    ids.push(...body.results.map((group) => String(group.id)));
    if (!body._links?.next || body.results.length === 0) return ids;
  }
}
