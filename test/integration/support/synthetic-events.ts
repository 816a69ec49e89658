/**
 * Large analytics histories, fast: the events of many requests written directly (the state
 * machine is exact but too slow for 100,000 requests). Each request is submitted, then approved,
 * rejected, withdrawn, superseded by a resubmission, approved and later expired, or left pending,
 * with the fields analytics reads shaped as the domain shapes them.
 */
import { kvs } from '@forge/kvs';
import { type DomainEvent, type EventIdentity } from '../../../src/domain/events';
import { type Workflow } from '../../../src/shared/workflow';
import { ENTITY, type WorkflowRow } from '../../../src/storage/entities';
import { randomSource } from './request-history';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const BATCH = 25;

export interface SyntheticOptions {
  workflows: readonly Workflow[];
  requests: number;
  start: Date;
  end: Date;
  seed?: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function syntheticEvents(options: SyntheticOptions): DomainEvent[] {
  const random = randomSource(options.seed ?? 1);
  const start = options.start.getTime();
  const span = options.end.getTime() - start;
  const events: DomainEvent[] = [];
  for (let n = 0; n < options.requests; n += 1) {
    const workflow = options.workflows[n % options.workflows.length];
    const submittedMs = start + Math.floor(random() * span * 0.97);
    const submittedAt = iso(submittedMs);
    const identity: EventIdentity = { requestId: `syn-${n}`, pageId: `syn-page-${n}`, spaceId: workflow.spaceId, workflowId: workflow.id, pageVersion: 1 };
    const base = (revision: number, at: number) => ({ ...identity, actorId: 'u-bob', at: iso(at), revision });
    events.push({
      ...base(1, submittedMs),
      actorId: 'u-alice',
      type: 'request.submitted',
      details: { pageTitle: `Page ${n}`, submittedBy: 'u-alice', trigger: 'manual', workflow, firstStep: { eligibleApprovers: ['u-bob'], approverGroups: [] } },
    });
    const decidedMs = Math.min(options.end.getTime() - MINUTE, submittedMs + Math.max(MINUTE, Math.round(random() ** 3 * 14 * DAY)));
    const outcome = random();
    if (outcome < 0.55) {
      events.push({ ...base(2, decidedMs), type: 'request.approved', details: { stepIndex: 0, submittedAt } });
      if (outcome < 0.1 && decidedMs + 30 * DAY < options.end.getTime()) {
        events.push({ ...base(3, decidedMs + 30 * DAY), actorId: null, type: 'request.expired', details: { expiresAt: iso(decidedMs + 30 * DAY) } });
      }
    } else if (outcome < 0.75) {
      events.push({ ...base(2, decidedMs), type: 'request.changesRequested', details: { stepIndex: 0, reason: 'rejections', submittedAt } });
    } else if (outcome < 0.82) {
      events.push({ ...base(2, decidedMs), actorId: 'u-alice', type: 'request.withdrawn', details: { byAdmin: false } });
    } else if (outcome < 0.88) {
      events.push({ ...base(2, decidedMs), actorId: 'u-alice', type: 'request.superseded', details: { byRequestId: `syn-${n}-v2`, newVersion: 2 } });
    }
  }
  return events;
}

/** Stores workflows as rows of the `workflow` entity, 25 per batch, so their names can be read. */
export async function storeWorkflows(workflows: readonly Workflow[]): Promise<void> {
  for (let i = 0; i < workflows.length; i += BATCH) {
    const items = workflows.slice(i, i + BATCH).map((workflow) => {
      const value: WorkflowRow = {
        spaceId: workflow.spaceId,
        name: workflow.name,
        enabled: workflow.enabled,
        updatedAt: workflow.updatedAt,
        updatedBy: workflow.createdBy,
        revision: workflow.revision,
        body: workflow,
      };
      return { key: workflow.id, value, entityName: ENTITY.workflow };
    });
    const result = await kvs.batchSet(items);
    if (result.failedKeys.length > 0) throw new Error(`storing workflows failed: ${JSON.stringify(result.failedKeys[0])}`);
  }
}
