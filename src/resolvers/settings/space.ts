import { type Invocation } from '../../auth/invocation';
import { AppError } from '../../shared/errors';

/** The space whose settings are open: always the invocation context's, never the payload's. */
export function settingsSpaceId(invocation: Invocation): string {
  if (invocation.spaceId === undefined) {
    throw new AppError('PRECONDITION', "Open ApprovalFlow from a space's settings to manage its workflows.");
  }
  return invocation.spaceId;
}
