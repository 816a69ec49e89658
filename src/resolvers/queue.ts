/**
 * The approval queue (module `approval-queue`, a space page): the space's requests by tab with
 * filters, and bulk decisions. The space is always the invocation context's.
 */
import { queueContract } from '../shared/contract/queue';
import { resolverDefinitions, resolverSpec } from './define';
import { bulkDecide } from './queue/bulk';
import { listQueue } from './queue/list';

export const queueResolver = resolverDefinitions({
  listQueue: resolverSpec(queueContract.listQueue, listQueue),
  bulkDecide: resolverSpec(queueContract.bulkDecide, bulkDecide),
});
