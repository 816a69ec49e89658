import { kvs } from '@forge/kvs';
import { type Sandbox, createSandbox } from '../../../sandbox';
import { FIXTURE_APP, valuesUnder } from './harness';

/** The runtime over the real Confluence emulator (sandbox/confluence), loaded by default. */
let sandbox: Sandbox;

beforeEach(async () => {
  sandbox = await createSandbox({ appRoot: FIXTURE_APP });
});

afterEach(() => sandbox.close());

const onPage = (pageId: string) => ({ content: { id: pageId, type: 'page' }, space: { id: '1001', key: 'ENG' } });

describe('the runtime with the seeded Confluence emulator', () => {
  it('forwards asUser() calls as the invoking user and app calls as the app', async () => {
    const whoami = await sandbox.invoke({ moduleKey: 'byline', functionKey: 'whoami', accountId: 'u-alice', context: onPage('10020') });
    expect(whoami).toEqual({ contextAccountId: 'u-alice', confluenceAccountId: 'u-alice', status: 200 });
    const remembered = await sandbox.invoke({ moduleKey: 'byline', functionKey: 'remember', payload: { text: 'ok' }, accountId: 'u-bob', context: onPage('10020') });
    expect(remembered).toEqual({ stored: { text: 'ok', by: 'u-bob', title: 'Release Process' }, status: 200 });
  });

  it('lets Confluence refuse an unknown user', async () => {
    const whoami = await sandbox.invoke({ moduleKey: 'byline', functionKey: 'whoami', accountId: 'u-nobody', context: onPage('10020') });
    expect(whoami).toMatchObject({ status: 401 });
  });

  it('turns an edit into the page-updated event for the trigger', async () => {
    await sandbox.editPage('10020', 'u-bob', { title: 'Release Process (biweekly)' });
    await sandbox.drain();
    const [event] = await valuesUnder<{ atlassianId: string; spaceKey: string; spaceId: number; title: string; createdBy: string }>('event:10020:');
    expect(event).toMatchObject({ atlassianId: 'u-bob', spaceKey: 'ENG', spaceId: 1001, title: 'Release Process (biweekly)', createdBy: 'u-alice' });
  });

  it('reports the app’s own API edit with the app account as editor, marked selfGenerated', async () => {
    const result = await sandbox.invoke({ moduleKey: 'byline', functionKey: 'retitle', payload: { pageId: '10022', title: '[Approved] Hotfix Procedure' }, accountId: 'u-alice' });
    await sandbox.drain();
    expect(result).toEqual({ status: 200 });
    const events = await valuesUnder<{ atlassianId: string; title: string; selfGenerated: boolean }>('event:10022:');
    expect(events).toEqual([expect.objectContaining({ atlassianId: sandbox.appAccountId, title: '[Approved] Hotfix Procedure', selfGenerated: true })]);
  });

  it('resets Confluence to the seeded site', async () => {
    await sandbox.editPage('10020', 'u-bob', { title: 'Changed' });
    await sandbox.drain();
    sandbox.reset();
    await kvs.set('after-reset', true);
    const remembered = await sandbox.invoke({ moduleKey: 'byline', functionKey: 'remember', payload: { text: 'x' }, accountId: 'u-alice', context: onPage('10020') });
    expect(remembered).toMatchObject({ stored: { title: 'Release Process' } });
  });
});
