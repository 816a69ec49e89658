/** The approver picker's group search, asked of Confluence as the caller. */
import { asUser } from '../../confluence/http';
import { searchGroups as findGroups } from '../../confluence/people';
import { requireSpaceViewer } from '../../auth/space-viewer';
import { settingsContract } from '../../shared/contract';
import { resolverSpec } from '../define';
import { settingsSpaceId } from './space';

const SUGGESTIONS = 25;

export const searchGroups = resolverSpec(settingsContract.searchGroups, async ({ query }, invocation) => {
  await requireSpaceViewer(settingsSpaceId(invocation));
  return { groups: await findGroups(asUser(), query, SUGGESTIONS) };
});
