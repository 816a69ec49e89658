import { type Invocation } from '../../auth/invocation';
import { AppError } from '../../shared/errors';

/** The space whose queue is open: always the invocation context's, never the payload's. */
export function queueSpaceId(invocation: Invocation): string {
  if (invocation.spaceId === undefined) {
    throw new AppError('PRECONDITION', "Open the approval queue from a space's Approvals page.");
  }
  return invocation.spaceId;
}
