/**
 * One colour per approval status, wherever a status is drawn: the byline icon and Lozenge, the
 * analytics charts and the HTML report. Keyed by status, never by position, so a chart keeps
 * its colours whatever order its categories arrive in. The Lozenge appearance follows the same
 * colour roles; the byline icons (static/icons/status) are filled with these colours, which
 * test/unit/status-colours.test.ts checks.
 */
import { type PageStatus } from './status';

/** The Atlassian Design System's semantic colour roles the app uses. */
export type StatusTone = 'neutral' | 'information' | 'success' | 'danger' | 'warning' | 'discovery';

/**
 * The light theme's value of each role's `color.icon.*` token (@atlaskit/tokens, atlassian-light):
 * charts take colour strings and the byline icons are static SVGs, neither can resolve a token.
 */
export const TONE_COLOURS: Record<StatusTone, string> = {
  neutral: '#626F86', // color.icon.subtle
  information: '#1D7AFC', // color.icon.information
  success: '#22A06B', // color.icon.success
  danger: '#C9372C', // color.icon.danger
  warning: '#E56910', // color.icon.warning
  discovery: '#8270DB', // color.icon.discovery
};

/** What analytics counts: the page statuses, plus withdrawn requests (their pages are drafts again). */
export type RequestStatus = PageStatus | 'withdrawn';

export const STATUS_TONES: Record<RequestStatus, StatusTone> = {
  draft: 'neutral',
  withdrawn: 'neutral',
  inApproval: 'information',
  approved: 'success',
  changesRequested: 'danger',
  outdated: 'warning',
  expired: 'warning',
};

/** The series of the daily trend: decisions share their outcome's colour; submissions are not a status, so they get one no status uses. */
export const TREND_TONES = { submitted: 'discovery', approved: 'success', rejected: 'danger' } as const satisfies Record<string, StatusTone>;

export function statusColour(status: RequestStatus): string {
  return TONE_COLOURS[STATUS_TONES[status]];
}

/** The appearances of the Atlassian Lozenge component. */
export type LozengeAppearance = 'default' | 'inprogress' | 'success' | 'removed' | 'moved' | 'new';

/** The Lozenge appearance of each colour role, so a lozenge has its status's colour everywhere. */
const LOZENGE: Record<StatusTone, LozengeAppearance> = {
  neutral: 'default',
  information: 'inprogress',
  success: 'success',
  danger: 'removed',
  warning: 'moved',
  discovery: 'new',
};

export function lozengeAppearance(status: PageStatus): LozengeAppearance {
  return LOZENGE[STATUS_TONES[status]];
}
