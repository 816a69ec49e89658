/** The `approval-queue` resolvers, through the shared typed client. */
import { type QueueResults, queueContract } from '../../shared/contract';
import { moduleApi } from '../shared/api';

export const callQueue = moduleApi<typeof queueContract, QueueResults>(queueContract);
