/**
 * Which events enter a state that runs actions. Entering is what counts, not changing: an
 * override to the status a page already has enters it again, and its actions run again. A step
 * moving on, a decision or the page being outdated enters no action state.
 */
import { type ActionState } from '../shared/workflow';
import { type DomainEvent } from './events';
import { actionStateOf } from './state-actions';

export function stateEntered(event: DomainEvent): ActionState | null {
  switch (event.type) {
    case 'request.submitted':
      return 'inApproval';
    case 'request.approved':
      return 'approved';
    case 'request.changesRequested':
      return 'changesRequested';
    case 'request.withdrawn':
      return 'draft';
    case 'request.expired':
      return 'expired';
    case 'request.overridden':
      return actionStateOf(event.details.toStatus);
    default:
      return null;
  }
}
