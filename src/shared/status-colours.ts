/**
 * One colour per approval status, wherever a status is drawn: the byline icon and Lozenge, the
 * analytics charts and the HTML report. Keyed by status, never by position, so a chart keeps
 * its colours whatever order its categories arrive in. The Lozenge appearance and the byline
 * icon are drawn here, from the same colour roles.
 */
import { type PageStatus } from './status';

/** The Atlassian Design System's semantic colour roles the app uses. */
export type StatusTone = 'neutral' | 'information' | 'success' | 'danger' | 'warning' | 'discovery';

/**
 * The light theme's value of each role's `color.icon.*` token (@atlaskit/tokens, atlassian-light):
 * charts take colour strings and the byline icon is a static SVG, neither can resolve a token.
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

const WHITE_STROKE = 'fill="none" stroke="#FFFFFF" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"';

const GLYPHS: Record<PageStatus, string> = {
  draft: '<circle cx="8" cy="8" r="3" fill="#FFFFFF"/>',
  inApproval:
    '<circle cx="5" cy="8" r="1.2" fill="#FFFFFF"/><circle cx="8" cy="8" r="1.2" fill="#FFFFFF"/><circle cx="11" cy="8" r="1.2" fill="#FFFFFF"/>',
  approved: `<path d="M4.6 8.3l2.3 2.3 4.6-4.8" ${WHITE_STROKE}/>`,
  changesRequested: `<path d="M5.5 5.5l5 5M10.5 5.5l-5 5" ${WHITE_STROKE}/>`,
  outdated: `<path d="M8 4.5v4.2" ${WHITE_STROKE}/><circle cx="8" cy="11.3" r="1.1" fill="#FFFFFF"/>`,
  expired: `<path d="M8 4.8V8l2.3 1.6" ${WHITE_STROKE}/>`,
};

export function statusIcon(status: PageStatus): string {
  const colour = statusColour(status);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">` +
    `<circle cx="8" cy="8" r="7.5" fill="${colour}"/>${GLYPHS[status]}</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
