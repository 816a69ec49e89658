/**
 * The operations the fault matrix breaks, each from a fresh demo site: Alice submits Release
 * Process (10020) on a two-step workflow (Bob, then Carol), Bob approves step 1, Alice
 * withdraws, the effects of those changes and of Carol's final approval run, Alice edits the
 * approved page, and the daily job finds an edit whose event never arrived.
 */
import { type PageApprovalView } from '../../../src/shared/contract/byline';
import { type BulkResultView } from '../../../src/shared/contract/queue';
import { MODULES, ok, type TestApp } from '../../integration/support/app';
import { type Operation } from './fault-matrix';

export const PAGE = '10020';

const user = (accountId: string) => ({ type: 'user' as const, accountId });

async function twoStepWorkflow(app: TestApp): Promise<void> {
  await app.createWorkflow(
    {
      name: 'Release review',
      steps: [
        { id: 'tech', name: 'Tech review', approvers: [user('u-bob')], rule: { kind: 'any' } },
        { id: 'final', name: 'Sign-off', approvers: [user('u-carol')], rule: { kind: 'any' } },
      ],
    },
    'default',
  );
}

async function submitted(app: TestApp): Promise<string> {
  await twoStepWorkflow(app);
  const view = ok(await app.as('u-alice').byline('submit', PAGE));
  await app.drain();
  if (view.request == null) throw new Error('the submission shows no request');
  return view.request.id;
}

const approveStep = (app: TestApp, requestId: string, approverId: string, stepIndex: number): Promise<unknown> =>
  app.as(approverId).byline('approve', PAGE, { requestId, stepIndex });

async function approved(app: TestApp): Promise<string> {
  const requestId = await submitted(app);
  ok((await approveStep(app, requestId, 'u-bob', 0)) as PageApprovalView);
  ok((await approveStep(app, requestId, 'u-carol', 1)) as PageApprovalView);
  await app.drain();
  return requestId;
}

export const submitOperation: Operation<void> = {
  functionKey: 'byline-resolver',
  pages: [PAGE],
  setup: twoStepWorkflow,
  run: (app) => app.as('u-alice').byline('submit', PAGE),
  retry: (app) => app.as('u-alice').byline('submit', PAGE),
};

export const decideOperation: Operation<string> = {
  functionKey: 'byline-resolver',
  pages: [PAGE],
  setup: submitted,
  run: (app, requestId) => approveStep(app, requestId, 'u-bob', 0),
  retry: (app, requestId) => approveStep(app, requestId, 'u-bob', 0),
};

/** The effects of Bob's decision: seal, tasks, rollups, byline, a reply and a mention of Carol. */
export const decisionEffectsOperation: Operation<string> = {
  functionKey: 'effects-consumer',
  pages: [PAGE],
  setup: submitted,
  run: async (app, requestId) => ok((await approveStep(app, requestId, 'u-bob', 0)) as PageApprovalView),
};

const BULK_PAGES = [PAGE, '10021'];

/** Both pages submitted; the request ids in page order. */
async function bothSubmitted(app: TestApp): Promise<string[]> {
  await twoStepWorkflow(app);
  const ids: string[] = [];
  for (const pageId of BULK_PAGES) {
    const view = ok(await app.as('u-alice').byline('submit', pageId));
    if (view.request == null) throw new Error(`no request after submitting ${pageId}`);
    ids.push(view.request.id);
  }
  await app.drain();
  return ids;
}

const bulkApprove = (app: TestApp, requestIds: string[]): Promise<unknown> =>
  app.as('u-bob').invoke(MODULES.queue, 'bulkDecide', { decision: 'approve', items: requestIds.map((requestId) => ({ requestId, stepIndex: 0 })) }, app.spaceContext('ENG'));

/** Bob approves both from the queue: two ordinary decisions, each reported on its own. */
export const bulkDecideOperation: Operation<string[]> = {
  functionKey: 'queue-resolver',
  pages: BULK_PAGES,
  setup: bothSubmitted,
  run: bulkApprove,
  // The person selects the same items again: those already decided answer "You had already approved this".
  retry: bulkApprove,
  unchangedParts: (answer) => (answer as BulkResultView).results.filter((item) => !item.ok).map((item) => item.requestId),
};

export const withdrawOperation: Operation<string> = {
  functionKey: 'byline-resolver',
  pages: [PAGE],
  setup: submitted,
  run: (app, requestId) => app.as('u-alice').byline('withdraw', PAGE, { requestId }),
  retry: (app, requestId) => app.as('u-alice').byline('withdraw', PAGE, { requestId }),
};

/** The effects of Carol's final approval: the request approved, its tasks closed, Alice told. */
export const approvalEffectsOperation: Operation<string> = {
  functionKey: 'effects-consumer',
  pages: [PAGE],
  setup: async (app) => {
    const requestId = await submitted(app);
    ok((await approveStep(app, requestId, 'u-bob', 0)) as PageApprovalView);
    await app.drain();
    return requestId;
  },
  run: async (app, requestId) => ok((await approveStep(app, requestId, 'u-carol', 1)) as PageApprovalView),
};

/** The effects of the submission: the thread's first comment, the byline's first write. */
export const submissionEffectsOperation: Operation<void> = {
  functionKey: 'effects-consumer',
  pages: [PAGE],
  setup: twoStepWorkflow,
  run: async (app) => ok(await app.as('u-alice').byline('submit', PAGE)),
};

/** Alice edits the approved page: the trigger marks it Outdated. */
export const pageUpdatedOperation: Operation<string> = {
  functionKey: 'page-updated',
  pages: [PAGE],
  setup: approved,
  run: (app) => app.sandbox.editPage(PAGE, 'u-alice', { body: '<p>Releases ship every Wednesday.</p>' }),
};

/** The edit's event never arrived; the daily job's version check finds it. */
export const dailyMaintenanceOperation: Operation<string> = {
  functionKey: 'daily-maintenance',
  pages: [PAGE],
  setup: async (app) => {
    const requestId = await approved(app);
    app.site().addPageVersion(PAGE, { authorId: 'u-alice', createdAt: new Date().toISOString(), body: '<p>Releases ship every Wednesday.</p>' });
    return requestId;
  },
  run: (app) => app.sandbox.runScheduled('daily-maintenance-trigger'),
  // A run that could not handle a page reports it (500) and leaves it to the next day's run.
  recover: (app) => app.sandbox.runScheduled('daily-maintenance-trigger'),
};
