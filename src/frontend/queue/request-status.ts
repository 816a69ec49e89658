/** How a request's status reads in the queue: the byline's words and colours, plus the two states only requests have. */
import { type QueueItemView } from '../../shared/contract';
import { type LozengeAppearance, PAGE_STATUS_LABELS, lozengeAppearance } from '../../shared/status';

type RequestStatus = QueueItemView['status'];

export function requestStatusLozenge(status: RequestStatus): { text: string; appearance: LozengeAppearance } {
  switch (status) {
    case 'withdrawn':
      return { text: 'Withdrawn', appearance: 'default' };
    case 'superseded':
      return { text: 'Superseded', appearance: 'default' };
    default:
      return { text: PAGE_STATUS_LABELS[status], appearance: lozengeAppearance(status) };
  }
}
