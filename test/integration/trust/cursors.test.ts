/**
 * Every cursor a list takes back must be one the app handed out for that list: anything else is
 * VALIDATION with a message the person can act on, and nothing is read past or written.
 */
import { MODULES, ok, refused, startApp, type TestApp } from '../support/app';
import { ENG_PAGE, singleStep } from '../core/fixtures';

const token = (value: unknown): string => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const BAD_CURSORS = [
  '%%%{}',
  '-1',
  '99999999999999999999',
  '2147483648',
  '0',
  'eyJ9',
  token({ list: 'queue:approved', after: 'x' }),
  token({ list: 'page-history', after: 'not-a-storage-cursor' }),
  token({ list: 'tree:space', after: '%%%' }),
];

type List = [name: string, moduleKey: string, functionKey: string, payload: (cursor: string) => unknown];

const LISTS: List[] = [
  ['page history', MODULES.byline, 'getPageHistory', (cursor) => ({ cursor })],
  ['queue pending', MODULES.queue, 'listQueue', (cursor) => ({ tab: 'pending', cursor })],
  ['queue mine', MODULES.queue, 'listQueue', (cursor) => ({ tab: 'mine', cursor })],
  ['tree root', MODULES.settings, 'getTreeLevel', (cursor) => ({ parent: { type: 'space' }, cursor })],
  ['tree below a page', MODULES.settings, 'getTreeLevel', (cursor) => ({ parent: { type: 'page', id: '10020' }, cursor })],
  ['audit export', MODULES.settings, 'exportAudit', (cursor) => ({ cursor })],
];

describe('cursors', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
    await app.createWorkflow(singleStep(), 'default');
    for (const pageId of [ENG_PAGE, '10022', '10030']) ok(await app.as('u-alice').byline('submit', pageId));
    await app.drain();
  });
  afterAll(() => app.close());

  const contextOf = (moduleKey: string): Record<string, unknown> => (moduleKey === MODULES.byline ? app.pageContext(ENG_PAGE) : app.spaceContext('ENG'));

  it.each(LISTS.flatMap(([name, moduleKey, functionKey, payload]) => BAD_CURSORS.map((cursor) => [name, cursor, moduleKey, functionKey, payload(cursor)] as const)))(
    '%s refuses the cursor %s',
    async (_name, _cursor, moduleKey, functionKey, payload) => {
      const before = app.appState();
      // Frank is a space admin: every list would answer him.
      const error = refused(await app.as('u-frank').invoke(moduleKey, functionKey, payload, contextOf(moduleKey)));
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(/not valid.*(first page|beginning)/);
      expect(app.appState()).toEqual(before);
    },
  );

  it('a cursor the queue handed out continues the list, on its own tab only', async () => {
    const first = ok(await app.as('u-frank').invoke(MODULES.queue, 'listQueue', { tab: 'pending', limit: 2 }, app.spaceContext('ENG'))) as { items: unknown[]; cursor?: string };
    expect(first.items).toHaveLength(2);
    expect(first.cursor).toBeDefined();
    const second = ok(await app.as('u-frank').invoke(MODULES.queue, 'listQueue', { tab: 'pending', limit: 2, cursor: first.cursor }, app.spaceContext('ENG'))) as { items: unknown[] };
    expect(second.items).toHaveLength(1);
    const elsewhere = refused(await app.as('u-frank').invoke(MODULES.queue, 'listQueue', { tab: 'approved', cursor: first.cursor }, app.spaceContext('ENG')));
    expect(elsewhere.code).toBe('VALIDATION');
  });
});
