import { derivePageStatus } from '../../../src/domain/page-status';
import { type ApprovalRequest } from '../../../src/domain/request';
import { transition } from '../../../src/domain/request-machine';
import { bylineProperties } from '../../../src/shared/byline-text';
import { PAGE_STATUSES, type PageStatusSummary, formatDay, listPeople } from '../../../src/shared/status';
import { lozengeAppearance } from '../../../src/shared/status-colours';
import { STATUS_ICONS } from '../../../src/shared/status-icons.generated';
import { approve, at, expectOk, reject, run, step, submitCommand, submitted, user, workflow } from './fixtures';

const NAMES: Record<string, string> = {
  author: 'Alice Author',
  bob: 'Bob Smith',
  carol: 'Carol Diaz',
  dan: 'Dan Wu',
  admin: 'Ada Admin',
};
const displayName = (id: string) => NAMES[id] ?? id;

const wf = workflow([step('s1', [user('bob'), user('carol')], { rule: { kind: 'all' } }), step('s2', [user('dan')], { name: 'Legal' }), step('s3', [user('dan')], { name: 'Sign-off' })], {
  validityDays: 365,
});
const page = (version: number) => ({ id: 'page-1', spaceId: 'space-1', version, title: 'Policy', status: 'current' as const });

function approvedV7(): ApprovalRequest {
  const request = submitted(wf, { page: page(7) }, '2026-11-21T10:00:00Z');
  return [approve('bob'), approve('carol'), approve('dan'), { type: 'approve' as const, actorId: 'dan', stepIndex: 2 }].reduce(
    (r, command) => expectOk(transition(r, command, '2026-11-22T15:00:00Z')).request,
    request,
  );
}

function byline(summary: PageStatusSummary) {
  const { title, tooltip } = bylineProperties(summary, displayName);
  return { title, tooltip };
}

describe('derivePageStatus and the byline', () => {
  it('shows Draft for a page never submitted', () => {
    const summary = derivePageStatus({ latest: null, currentVersion: 2 });
    expect(summary).toEqual({ status: 'draft', currentVersion: 2 });
    expect(byline(summary)).toEqual({ title: 'Draft', tooltip: 'Not submitted for approval' });
  });

  it('shows the step of a page in approval', () => {
    const inStep2 = run(submitted(wf, { page: page(9) }, '2026-11-20T08:00:00Z'), [approve('bob'), approve('carol')]);
    const summary = derivePageStatus({ latest: inStep2, currentVersion: 9 });
    expect(summary).toMatchObject({ status: 'inApproval', step: { number: 2, count: 3, name: 'Legal' } });
    expect(byline(summary)).toEqual({
      title: 'In approval · step 2 of 3',
      tooltip: 'Version 9 submitted by Alice Author on 20 Nov 2026; waiting for step 2 of 3 (Legal)',
    });
  });

  it('shows who approved which version, and when', () => {
    const summary = derivePageStatus({ latest: approvedV7(), currentVersion: 7 });
    expect(summary).toMatchObject({
      status: 'approved',
      approval: {
        version: 7,
        approverIds: ['bob', 'carol', 'dan'],
        byOverride: false,
        approvedAt: '2026-11-22T15:00:00.000Z',
        expiresAt: '2027-11-22T15:00:00.000Z',
      },
    });
    const forever = run(submitted(workflow([step('s1', [user('bob')])])), [approve('bob')]);
    const noExpiry = derivePageStatus({ latest: forever, currentVersion: 3 });
    expect(noExpiry.status === 'approved' && noExpiry.approval).not.toHaveProperty('expiresAt');
    expect(byline(summary)).toEqual({ title: 'Approved v7', tooltip: 'Approved by Bob Smith, Carol Diaz, Dan Wu on 22 Nov 2026' });
  });

  it('shows Outdated once the page has moved past the approved version', () => {
    const summary = derivePageStatus({ latest: approvedV7(), latestApproved: approvedV7(), currentVersion: 9 });
    expect(summary.status).toBe('outdated');
    expect(byline(summary)).toEqual({
      title: 'Outdated (approved v7, current v9)',
      tooltip: 'Version 7 was approved by Bob Smith, Carol Diaz, Dan Wu on 22 Nov 2026; version 9 has not been approved',
    });
  });

  it('stays Approved on a version the app made itself', () => {
    const carried = expectOk(
      transition(approvedV7(), { type: 'pageEdited', newVersion: 8, editorId: 'app', requestId: 'r2', byApp: true }, '2026-11-22T15:00:05Z'),
    ).request;
    expect(byline(derivePageStatus({ latest: carried, currentVersion: 8 })).title).toBe('Approved v8');
  });

  it('shows who asked for changes', () => {
    const rejected = run(submitted(wf, { page: page(8) }), [approve('bob'), reject('carol')]);
    const summary = derivePageStatus({ latest: rejected, latestApproved: approvedV7(), currentVersion: 8 });
    expect(summary).toMatchObject({ status: 'changesRequested', rejection: { rejecterIds: ['carol'], at: at(2) } });
    expect(byline(summary)).toEqual({ title: 'Changes requested v8', tooltip: 'Changes requested by Carol Diaz on 20 Nov 2026' });
  });

  it('shows when an approval expired', () => {
    const expired = expectOk(transition(approvedV7(), { type: 'expire' }, '2027-11-23T00:00:00Z')).request;
    const summary = derivePageStatus({ latest: expired, currentVersion: 9 });
    expect(summary).toMatchObject({ status: 'expired', approval: { version: 7, expiredAt: '2027-11-23T00:00:00.000Z' } });
    expect(byline(summary)).toEqual({ title: 'Expired v7', tooltip: 'The approval of version 7 expired on 23 Nov 2027' });
  });

  it('returns a withdrawn first submission to Draft', () => {
    const withdrawn = run(submitted(wf), [{ type: 'withdraw', actorId: 'author', isAdmin: false }]);
    const summary = derivePageStatus({ latest: withdrawn, latestApproved: null, currentVersion: 3 });
    expect(summary).toMatchObject({ status: 'draft', withdrawal: { actorId: 'author' } });
    expect(byline(summary)).toEqual({ title: 'Draft', tooltip: 'Withdrawn by Alice Author on 20 Nov 2026' });
  });

  it('returns a page with an earlier approval to Outdated when a resubmission is withdrawn or superseded', () => {
    const approved = approvedV7();
    const resubmitted = expectOk(transition(null, submitCommand(wf, { requestId: 'req-2', previous: approved, page: page(9) }), at(3000))).request;
    const withdrawn = run(resubmitted, [{ type: 'withdraw', actorId: 'author', isAdmin: false }], 3001);
    expect(derivePageStatus({ latest: withdrawn, latestApproved: approved, currentVersion: 9 })).toMatchObject({
      status: 'outdated',
      approval: { requestId: 'req-1', version: 7 },
    });
    expect(derivePageStatus({ latest: { ...withdrawn, status: 'superseded' }, latestApproved: approved, currentVersion: 7 }).status).toBe('approved');
    expect(derivePageStatus({ latest: withdrawn, latestApproved: { ...approved, status: 'expired' }, currentVersion: 9 }).status).toBe('draft');
  });

  it('falls back to the submission time for records stored without decision times', () => {
    const rejected = run(submitted(wf, { page: page(8) }), [reject('bob')]);
    const { decidedAt: _decided, ...withoutDecision } = rejected;
    expect(derivePageStatus({ latest: withoutDecision, currentVersion: 8 })).toMatchObject({ rejection: { at: rejected.submittedAt } });
    const approved = approvedV7();
    const { decidedAt: _approvedAt, ...approvedWithout } = approved;
    expect(derivePageStatus({ latest: approvedWithout, currentVersion: 7 })).toMatchObject({ approval: { approvedAt: approved.submittedAt } });
    expect(derivePageStatus({ latest: { ...approvedWithout, status: 'expired' }, currentVersion: 7 })).toMatchObject({
      approval: { expiredAt: approved.submittedAt },
    });
  });

  it('shows an admin override with its reason', () => {
    const override = (request: ApprovalRequest, targetStatus: 'draft' | 'approved' | 'changesRequested') =>
      expectOk(transition(request, { type: 'override', actorId: 'admin', isAdmin: true, targetStatus, reason: 'Signed on paper' }, '2026-11-23T12:00:00Z'))
        .request;
    const toDraft = override(approvedV7(), 'draft');
    const draft = derivePageStatus({ latest: toDraft, latestApproved: approvedV7(), currentVersion: 7 });
    expect(draft.status).toBe('draft');
    expect(byline(draft).tooltip).toBe('Set to Draft by Ada Admin on 23 Nov 2026 (override: Signed on paper)');

    const toApproved = override(submitted(wf, { page: page(7) }), 'approved');
    const approvedSummary = derivePageStatus({ latest: toApproved, currentVersion: 7 });
    expect(approvedSummary).toMatchObject({ status: 'approved', approval: { approverIds: ['admin'], byOverride: true } });
    expect(byline(approvedSummary).tooltip).toBe('Approved by Ada Admin (override) on 23 Nov 2026');
    expect(byline(derivePageStatus({ latest: toApproved, currentVersion: 8 })).tooltip).toBe(
      'Version 7 was approved by Ada Admin (override) on 23 Nov 2026; version 8 has not been approved',
    );

    const toChanges = override(approvedV7(), 'changesRequested');
    expect(byline(derivePageStatus({ latest: toChanges, currentVersion: 7 }))).toEqual({
      title: 'Changes requested v7',
      tooltip: 'Set to Changes Requested by Ada Admin on 23 Nov 2026 (override: Signed on paper)',
    });
  });
});

describe('status presentation', () => {
  it('gives each status its Lozenge appearance', () => {
    expect(PAGE_STATUSES.map((s) => [s, lozengeAppearance(s)])).toEqual([
      ['draft', 'default'],
      ['inApproval', 'inprogress'],
      ['approved', 'success'],
      ['changesRequested', 'removed'],
      ['outdated', 'moved'],
      ['expired', 'moved'],
    ]);
  });

  it('draws each status as a coloured SVG data URI, distinct per status', () => {
    const icons = PAGE_STATUSES.map((status) => STATUS_ICONS[status]);
    expect(new Set(icons).size).toBe(PAGE_STATUSES.length);
    for (const icon of icons) {
      expect(icon.startsWith('data:image/svg+xml,')).toBe(true);
      const svg = decodeURIComponent(icon.slice('data:image/svg+xml,'.length));
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*viewBox="0 0 16 16">.*<\/svg>$/);
    }
    const fill = (status: (typeof PAGE_STATUSES)[number]) => /<circle cx="8" cy="8" r="7.5" fill="(#[0-9A-F]{6})"/.exec(decodeURIComponent(STATUS_ICONS[status]))?.[1];
    expect(fill('approved')).toBe('#22A06B');
    expect(fill('inApproval')).toBe('#1D7AFC');
    expect(fill('changesRequested')).toBe('#C9372C');
    expect(fill('outdated')).toBe('#E56910');
    expect(fill('draft')).toBe('#626F86');
    expect(bylineProperties({ status: 'draft', currentVersion: 1 }, displayName).icon).toBe(STATUS_ICONS.draft);
  });

  it('formats days in UTC whatever the time of day', () => {
    expect(formatDay('2026-09-22T23:59:59Z')).toBe('22 Sep 2026');
    expect(formatDay('2027-01-01T00:00:00Z')).toBe('1 Jan 2027');
  });

  it('keeps long approver lists short', () => {
    expect(listPeople(['bob'], displayName)).toBe('Bob Smith');
    expect(listPeople(['bob', 'carol', 'dan', 'author'], displayName)).toBe('Bob Smith, Carol Diaz, Dan Wu and 1 other');
    expect(listPeople(['bob', 'carol', 'dan', 'author', 'x'], displayName)).toBe('Bob Smith, Carol Diaz, Dan Wu and 2 others');
  });
});
