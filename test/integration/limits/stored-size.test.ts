/**
 * No stored value approaches the 240 KiB a Forge storage value may hold (limits-kvs-ce): the
 * largest workflow the editor accepts, and the longest history one page can have with it (50
 * earlier submissions, then one approval and one resubmission, each through every step with the
 * most decisions a step takes and comments at their limit), with every value the app writes on
 * the way measured as stored.
 */
import { validateWorkflow } from '../../../src/domain/workflow-validation';
import { COMMENT_MAX, MAX_REJECTIONS_TO_FAIL, MAX_REQUIRED_APPROVALS, MAX_STEPS } from '../../../src/shared/limits';
import { type PageApprovalView } from '../../../src/shared/contract/byline';
import { type BridgeError } from '../../../src/shared/errors';
import { ENG_PAGE } from '../core/fixtures';
import { largestAcceptedWorkflow, accountId, stepGroupId } from '../../unit/domain/largest-workflow';
import { ok, SPACES, startApp, type TestApp } from '../support/app';

const AUTHOR = 'u-alice';
const DECISIONS_PER_STEP = MAX_REQUIRED_APPROVALS + MAX_REJECTIONS_TO_FAIL - 1;
/** Comments at their limit, in a script of three bytes a character. */
const comment = (n: number) => `${n} `.padEnd(COMMENT_MAX, '変');
const member = (step: number, n: number) => accountId(`m${step}`, n);
const BUDGET = 200 * 1024;

/** The largest value stored under each key so far, measured once per write (a write stores a new object). */
class StoredSizes {
  private readonly measured = new WeakSet<object>();
  readonly largest = new Map<string, number>();

  constructor(private readonly app: TestApp) {}

  scan(): void {
    const snapshot = this.app.sandbox.storage.snapshot();
    const items = [...snapshot.kvs.map(([key, item]) => [`kvs ${key}`, item] as const), ...Object.entries(snapshot.entities).flatMap(([entity, rows]) => rows.map(([key, item]) => [`${entity} ${key}`, item] as const))];
    for (const [key, item] of items) {
      if (this.measured.has(item)) continue;
      this.measured.add(item);
      const bytes = Buffer.byteLength(JSON.stringify(item.value), 'utf8');
      if (bytes > (this.largest.get(key) ?? 0)) this.largest.set(key, bytes);
    }
  }

  /** The largest value of each kind (the key without its ids), largest first. */
  byKind(): [string, number][] {
    const kinds = new Map<string, number>();
    for (const [key, bytes] of this.largest) {
      const kind = key.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>').replace(/\d{4,}/g, '<n>');
      kinds.set(kind, Math.max(bytes, kinds.get(kind) ?? 0));
    }
    return [...kinds].sort((a, b) => b[1] - a[1]);
  }
}

function view(result: PageApprovalView | BridgeError): PageApprovalView {
  return ok(result);
}

describe('the largest workflow and the longest history of one page', () => {
  let app: TestApp;
  let sizes: StoredSizes;

  beforeAll(async () => {
    app = await startApp();
    sizes = new StoredSizes(app);
    for (let s = 0; s < MAX_STEPS; s += 1) {
      app.site().addGroup({ id: stepGroupId(s), name: `Step ${s} reviewers` });
      app.site().addGroupMembers(stepGroupId(s), Array.from({ length: DECISIONS_PER_STEP }, (_, n) => ({ accountId: member(s, n), displayName: `Reviewer ${s}.${n}` })));
      // Site members can view the space's pages, as every approver must.
      for (let n = 0; n < DECISIONS_PER_STEP; n += 1) app.site().addGroupMember('g-confluence-users', member(s, n));
    }
  });
  afterAll(() => app.close());

  async function decideEveryStep(requestId: string, lastStepApproves: boolean): Promise<PageApprovalView> {
    let latest: PageApprovalView | undefined;
    for (let s = 0; s < MAX_STEPS; s += 1) {
      for (let n = 0; n < DECISIONS_PER_STEP; n += 1) {
        const rejects = n < MAX_REJECTIONS_TO_FAIL - 1;
        if (s === MAX_STEPS - 1 && n === DECISIONS_PER_STEP - 1 && !lastStepApproves) return latest as PageApprovalView;
        latest = view(await app.as(member(s, n)).byline(rejects ? 'reject' : 'approve', ENG_PAGE, { requestId, stepIndex: s, comment: comment(n) }));
        sizes.scan();
      }
      await app.drain();
      sizes.scan();
    }
    return latest as PageApprovalView;
  }

  it('stores every value well under the limit', async () => {
    const { draft, bytes } = largestAcceptedWorkflow(SPACES.ENG.id, (candidate) => validateWorkflow(candidate).ok);
    await app.createWorkflow({ ...draft, name: draft.name ?? '', steps: draft.steps }, 'default');
    sizes.scan();

    // Fifty earlier submissions, withdrawn: the record keeps their step names.
    for (let n = 0; n < 50; n += 1) {
      const submitted = view(await app.as(AUTHOR).byline('submit', ENG_PAGE, { comment: comment(n) }));
      view(await app.as(AUTHOR).byline('withdraw', ENG_PAGE, { requestId: submitted.request?.id }));
      sizes.scan();
    }
    await app.drain();

    const first = view(await app.as(AUTHOR).byline('submit', ENG_PAGE, { comment: comment(0) }));
    const approved = await decideEveryStep(first.request?.id ?? '', true);
    expect(approved.status).toBe('approved');

    await app.sandbox.editPage(ENG_PAGE, AUTHOR, { body: '<p>Revised</p>' });
    await app.drain();
    const second = view(await app.as(AUTHOR).byline('submit', ENG_PAGE, { comment: comment(1) }));
    const pending = await decideEveryStep(second.request?.id ?? '', false);
    expect(pending.status).toBe('inApproval');
    expect(pending.request?.steps.map((step) => step.approvers.filter((a) => a.decision !== undefined).length)).toEqual(
      Array.from({ length: MAX_STEPS }, (_, s) => (s === MAX_STEPS - 1 ? DECISIONS_PER_STEP - 1 : DECISIONS_PER_STEP)),
    );
    await app.drain();
    sizes.scan();

    const largest = sizes.byKind();
    console.log(`workflow as drafted: ${bytes} bytes; largest stored values:\n${largest.slice(0, 12).map(([kind, size]) => `  ${size} B  ${kind}`).join('\n')}`);
    expect(largest[0][1]).toBeLessThan(BUDGET);
  }, 900_000);
});
