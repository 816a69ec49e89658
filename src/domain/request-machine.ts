/**
 * The approval request state machine: one pure function from (latest request, command, now) to
 * the changed request and the events that describe the change. Errors change nothing.
 */
import { type RequestCommand } from './commands';
import { decide } from './decisions';
import { fail } from './errors';
import { expire, override, withdraw } from './lifecycle';
import { pageEdited } from './page-edits';
import { type ApprovalRequest } from './request';
import { submit } from './submission';
import { toInstant } from './time';
import { type TransitionResult } from './transition-result';

/**
 * `request` is the request the command is about; for `submit` it must be null (the page's latest
 * request goes in `command.previous`).
 */
export function transition(request: ApprovalRequest | null, command: RequestCommand, now: string | Date): TransitionResult {
  const at = toInstant(now);
  if (at === null) return fail('VALIDATION', 'The time of the change is not a valid date');
  switch (command.type) {
    case 'submit':
      if (request !== null) {
        return fail('VALIDATION', "A submission creates a new request: pass the page's latest request as `previous`");
      }
      return submit({ ...command, previous: command.previous ?? null, trigger: 'manual' }, at);
    case 'approve':
    case 'reject':
      return decide(request, command, at);
    case 'withdraw':
      return withdraw(request, command, at);
    case 'override':
      return override(request, command, at);
    case 'pageEdited':
      return pageEdited(request, command, at);
    case 'expire':
      return expire(request, command, at);
  }
}
