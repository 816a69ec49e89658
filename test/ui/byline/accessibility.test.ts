/** What a screen reader needs from the dialog: every control named by visible text, every field by its label. */
import { startApp, type TestApp } from '../../integration/support/app';
import { type Screen } from '../support/screen';
import { openDialog, quickReview, submittedByAlice } from './dialog';

const CONTROLS = ['Button', 'LoadingButton'];
const FIELDS = ['TextArea', 'Select', 'Textfield'];

/** Controls without a text of their own (an icon-only button must carry a label instead). */
function unnamedControls(screen: Screen): string[] {
  return CONTROLS.flatMap((type) => screen.queryAllByType(type))
    .filter((node) => screen.textContent(node).trim() === '' && typeof node.props.label !== 'string' && typeof node.props['aria-label'] !== 'string')
    .map((node) => node.type);
}

/** Fields no `<Label labelFor>` names. */
function unlabelledFields(screen: Screen): string[] {
  const labelled = new Set(screen.queryAllByType('Label').map((label) => label.props.labelFor));
  return FIELDS.flatMap((type) => screen.queryAllByType(type))
    .filter((node) => !labelled.has(node.props.id) && !labelled.has(node.props.inputId))
    .map((node) => `${node.type} ${String(node.props.name)}`);
}

describe('the byline dialog, for assistive technology', () => {
  let app: TestApp;
  beforeEach(async () => {
    app = await startApp();
  });
  afterEach(() => app.close());

  it('names every control and field, with the override panel and the history open', async () => {
    await app.createWorkflow(quickReview(), 'default');
    await submittedByAlice(app);
    const screen = await openDialog(app, 'u-frank');
    await screen.click('Show history (1)');
    await screen.click('Override status');

    expect(screen.queryAllByType('TextArea')).toHaveLength(1);
    expect(screen.queryAllByType('Select')).toHaveLength(1);
    expect(unnamedControls(screen)).toEqual([]);
    expect(unlabelledFields(screen)).toEqual([]);
    for (const group of screen.queryAllByType('ButtonGroup')) expect(group.props.label).toEqual(expect.any(String));
  });

  it('names the decision and submit fields', async () => {
    await app.createWorkflow(quickReview(), 'default');
    const author = await openDialog(app, 'u-alice');
    expect(author.queryAllByType('TextArea')).toHaveLength(1);
    expect(unnamedControls(author)).toEqual([]);
    expect(unlabelledFields(author)).toEqual([]);

    await submittedByAlice(app);
    const approver = await openDialog(app, 'u-bob');
    expect(approver.queryAllByType('TextArea')).toHaveLength(1);
    expect(unnamedControls(approver)).toEqual([]);
    expect(unlabelledFields(approver)).toEqual([]);
  });
});
