/**
 * Only the app's own function names answer: @forge/resolver looks keys up with `in`, so names of
 * Object.prototype would otherwise be dispatched (`constructor` echoing the call's context).
 */
import { MODULES, type TestApp, refused, startApp } from '../support/app';

const PROTOTYPE_NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'unknownThing'];

describe('function keys', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  const contexts = (): Record<string, Record<string, unknown>> => ({
    [MODULES.byline]: app.pageContext('10020'),
    [MODULES.settings]: app.spaceContext('ENG'),
    [MODULES.queue]: app.spaceContext('ENG'),
    [MODULES.analytics]: {},
  });

  it.each(Object.values(MODULES).flatMap((moduleKey) => PROTOTYPE_NAMES.map((functionKey) => [moduleKey, functionKey] as const)))(
    '%s/%s is an unknown function and changes nothing',
    async (moduleKey, functionKey) => {
      const before = app.appState();
      const result = await app.as('u-alice').invoke(moduleKey, functionKey, { probe: true }, contexts()[moduleKey]);
      expect(refused(result)).toEqual({ code: 'NOT_FOUND', message: expect.stringContaining(`unknown function ('${functionKey}')`) });
      expect(JSON.stringify(result)).not.toContain('u-alice');
      expect(app.appState()).toEqual(before);
    },
  );

  it('the own functions still answer', async () => {
    const result = await app.as('u-alice').invoke(MODULES.settings, 'listWorkflows', {}, app.spaceContext('ENG'));
    expect(result).toHaveProperty('workflows');
  });
});
