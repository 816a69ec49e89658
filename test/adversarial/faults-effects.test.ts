/**
 * A fault at the calls of the effects consumer and of the triggers (page updated, daily
 * maintenance), each as 500, 429 and a timeout: the queue's redelivery, the trigger's retry or
 * the next sweep finish the work, and state, comments and byline end as in the clean run: no
 * duplicate comment, no entry left unsealed, the byline right.
 */
import { runMatrix } from './support/matrix-suite';
import { approvalEffectsOperation, dailyMaintenanceOperation, decisionEffectsOperation, pageUpdatedOperation, submissionEffectsOperation } from './support/operations';

describe('faults in the work that follows a change', () => {
  it('the effects of a submission, at every call', async () => {
    const figures = await runMatrix('effects of a submission', submissionEffectsOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('the effects of a decision, at every call', async () => {
    const figures = await runMatrix('effects of a decision', decisionEffectsOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('the effects of the final approval, at every call', async () => {
    const figures = await runMatrix('effects of the final approval', approvalEffectsOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('the page-updated trigger, at every call', async () => {
    const figures = await runMatrix('page-updated trigger', pageUpdatedOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('the daily maintenance, at every call', async () => {
    const figures = await runMatrix('daily maintenance', dailyMaintenanceOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);
});
