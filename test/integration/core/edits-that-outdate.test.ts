import { kvs } from '@forge/kvs';
import { ENTITY, type PageStateRow } from '../../../src/storage/entities';
import { ok, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from './fixtures';

/** The workflow option "Edits that outdate an approval": which edits of an approved page (v4 of Release Process) keep the approval. */
describe('edits that outdate an approval', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  async function approve(): Promise<void> {
    const requestId = ok(await app.as('u-alice').byline('submit', ENG_PAGE)).request?.id;
    ok(await app.as('u-bob').byline('approve', ENG_PAGE, { requestId, stepIndex: 0 }));
    await app.drain();
  }

  async function edit(change: { title?: string; body?: string; minorEdit?: boolean }): Promise<void> {
    await app.sandbox.editPage(ENG_PAGE, 'u-alice', change);
    await app.drain();
  }

  const storedStatus = async () => (await kvs.entity<PageStateRow>(ENTITY.pageState).get(ENG_PAGE))?.status;
  const latestSentence = async () => ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE)).history.entries[0].summary;

  it('every edit (the default): a minor edit outdates the approval', async () => {
    await app.createWorkflow(singleStep(), 'default');
    await approve();
    await edit({ body: '<p>typo fixed</p>', minorEdit: true });
    expect(await storedStatus()).toBe('outdated');
    expect(await latestSentence()).toBe('Alice Author edited the page: version 5 is not approved (version 4 is)');
  });

  it('every edit except minor ones: a minor edit keeps the approval and is recorded; the next full edit outdates it', async () => {
    await app.createWorkflow(singleStep({ editsThatOutdate: 'exceptMinor' }), 'default');
    await approve();
    await edit({ body: '<p>typo fixed</p>', minorEdit: true });
    expect(await storedStatus()).toBe('approved');
    expect(await latestSentence()).toBe('Version 5 edited by Alice Author, marked minor: the approval of version 4 is kept');
    expect(ok(await app.as('u-grace').byline('getPageApproval', ENG_PAGE)).byline.title).toBe('Approved v4 (+1 minor edit)');

    await edit({ body: '<p>new section</p>' });
    expect(await storedStatus()).toBe('outdated');
    expect(await latestSentence()).toBe('Alice Author edited the page: version 6 is not approved (version 4 is)');
  });

  it('only edits that change the body: a title-only edit keeps the approval, a body edit outdates it even when marked minor', async () => {
    await app.createWorkflow(singleStep({ editsThatOutdate: 'bodyChanges' }), 'default');
    await approve();
    await edit({ title: 'Release Process (2027)' });
    expect(await storedStatus()).toBe('approved');
    expect(await latestSentence()).toBe('Version 5 edited by Alice Author, body unchanged: the approval of version 4 is kept');

    await edit({ body: '<p>typo fixed</p>', minorEdit: true });
    expect(await storedStatus()).toBe('outdated');
  });
});
