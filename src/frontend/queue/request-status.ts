/** How a request's status reads in the queue: the byline's words and colours, plus the two states only requests have. */
import { type QueueItemView } from '../../shared/contract';
import { STATUS_LABELS } from '../../shared/status';
import { type LozengeAppearance, lozengeAppearance } from '../../shared/status-colours';

type RequestStatus = QueueItemView['status'];

export function requestStatusLozenge(status: RequestStatus): { text: string; appearance: LozengeAppearance } {
  switch (status) {
    case 'withdrawn':
      return { text: STATUS_LABELS.withdrawn, appearance: 'default' };
    case 'superseded':
      return { text: STATUS_LABELS.superseded, appearance: 'default' };
    default:
      return { text: STATUS_LABELS[status], appearance: lozengeAppearance(status) };
  }
}
