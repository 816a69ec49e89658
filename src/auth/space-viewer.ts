import { asUser } from '../confluence/http';
import { getSpace, type SpaceInfo } from '../confluence/spaces';

/** Proves the caller can view the space (Confluence answers as them), else NOT_FOUND. */
export async function requireSpaceViewer(spaceId: string): Promise<SpaceInfo> {
  return getSpace(asUser(), spaceId);
}
