import { type Invocation } from '../../auth/invocation';
import { asUser } from '../../confluence/http';
import { getSpace } from '../../confluence/spaces';
import { AppError } from '../../shared/errors';

/** The space whose queue is open: always the invocation context's, never the payload's. */
export function queueSpaceId(invocation: Invocation): string {
  if (invocation.spaceId === undefined) {
    throw new AppError('PRECONDITION', "Open the approval queue from a space's Approvals page.");
  }
  return invocation.spaceId;
}

/** Proves the viewer can see the space (Confluence answers as them), else NOT_FOUND. */
export async function requireQueueSpaceViewer(spaceId: string): Promise<void> {
  await getSpace(asUser(), spaceId);
}
