import { readersBanner } from '../../../src/domain/readers-banner';
import { type ApprovalSummary, type PageStatusSummary, type RequestSummary } from '../../../src/shared/status';

const names: Record<string, string> = { dana: 'Dana Legal', bob: 'Bob Approver', frank: 'Frank Admin' };
const displayName = (id: string) => names[id] ?? id;

const request = (version: number): RequestSummary => ({ id: `r${version}`, version, submittedBy: 'alice', submittedAt: '2026-12-03T09:00:00.000Z', workflowName: 'Review' });
const approval = (version: number, extra: Partial<ApprovalSummary> = {}): ApprovalSummary => ({
  requestId: `r${version}`,
  version,
  approverIds: ['dana'],
  byOverride: false,
  approvedAt: '2026-12-02T10:00:00.000Z',
  ...extra,
});

describe('the readers banner', () => {
  it('says nothing on an approved page or a page no workflow touched', () => {
    expect(readersBanner({ status: 'approved', currentVersion: 7, request: request(7), approval: approval(7) }, approval(7), displayName)).toBeUndefined();
    expect(readersBanner({ status: 'draft', currentVersion: 3 }, null, displayName)).toBeUndefined();
  });

  it('points an outdated page to its approved version, naming who approved and when', () => {
    const summary: PageStatusSummary = { status: 'outdated', currentVersion: 9, request: request(7), approval: approval(7) };
    expect(readersBanner(summary, approval(7), displayName)).toEqual({ version: 9, approved: { version: 7, by: 'Dana Legal', at: '2026-12-02T10:00:00.000Z' } });
  });

  it('says since when a review runs, with the standing approval when there is one', () => {
    const inReview: PageStatusSummary = { status: 'inApproval', currentVersion: 9, request: request(9), step: { number: 1, count: 1, name: 'Review' } };
    expect(readersBanner(inReview, null, displayName)).toEqual({ version: 9, inReviewSince: '2026-12-03T09:00:00.000Z' });
    expect(readersBanner(inReview, approval(7), displayName)).toEqual({ version: 9, inReviewSince: '2026-12-03T09:00:00.000Z', approved: { version: 7, by: 'Dana Legal', at: '2026-12-02T10:00:00.000Z' } });
  });

  it('keeps pointing to the approval after changes were requested on a later version, and marks an override', () => {
    const rejected: PageStatusSummary = { status: 'changesRequested', currentVersion: 9, request: request(9), rejection: { rejecterIds: ['bob'], at: '2026-12-03T11:00:00.000Z' } };
    expect(readersBanner(rejected, approval(7, { approverIds: ['frank'], byOverride: true }), displayName)?.approved).toEqual({ version: 7, by: 'Frank Admin (override)', at: '2026-12-02T10:00:00.000Z' });
    expect(readersBanner(rejected, null, displayName)).toBeUndefined();
  });

  it('says nothing once an approval expired and none stands', () => {
    const expired: PageStatusSummary = { status: 'expired', currentVersion: 7, request: request(7), approval: { ...approval(7), expiredAt: '2026-12-04T00:00:00.000Z' } };
    expect(readersBanner(expired, null, displayName)).toBeUndefined();
  });
});
