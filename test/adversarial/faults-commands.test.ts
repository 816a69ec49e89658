/**
 * A fault at every Confluence and storage call of submit, decide, a bulk decision and withdraw, each as 500, 429 and a
 * timeout: the person is told it failed only when nothing changed (and trying again then ends as
 * a clean run does), or the change is whole; after the queue drains and the sweeper runs, state,
 * comments and byline equal the clean run's: no half-written change, no duplicate comment, no
 * lost audit entry.
 */
import { runMatrix } from './support/matrix-suite';
import { bulkDecideOperation, decideOperation, submitOperation, withdrawOperation } from './support/operations';

describe('faults at every call of the commands', () => {
  it('submit', async () => {
    const figures = await runMatrix('submit', submitOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('decide', async () => {
    const figures = await runMatrix('decide', decideOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('a bulk decision from the queue', async () => {
    const figures = await runMatrix('bulk decision', bulkDecideOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);

  it('withdraw', async () => {
    const figures = await runMatrix('withdraw', withdrawOperation);
    expect(figures.failures).toEqual([]);
  }, 120_000);
});
