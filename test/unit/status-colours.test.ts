import { PAGE_STATUSES } from '../../src/shared/status';
import { type RequestStatus, STATUS_TONES, TONE_COLOURS, TREND_TONES, lozengeAppearance, statusColour } from '../../src/shared/status-colours';
import { STATUS_ICONS } from '../../src/shared/status-icons.generated';

const STATUSES = Object.keys(STATUS_TONES) as RequestStatus[];

describe('the status colours', () => {
  it('gives each status the ADS semantic colour of its meaning', () => {
    expect(Object.fromEntries(STATUSES.map((status) => [status, statusColour(status)]))).toEqual({
      draft: '#626F86',
      withdrawn: '#626F86',
      inApproval: '#1D7AFC',
      approved: '#22A06B',
      changesRequested: '#C9372C',
      outdated: '#E56910',
      expired: '#E56910',
    });
  });

  it('colours every page status, and draws the byline icon in that colour', () => {
    expect([...PAGE_STATUSES].sort()).toEqual(STATUSES.filter((status) => status !== 'withdrawn').sort());
    for (const status of PAGE_STATUSES) {
      expect(decodeURIComponent(STATUS_ICONS[status])).toContain(`r="7.5" fill="${statusColour(status)}"`);
    }
  });

  it('gives two statuses the same Lozenge appearance exactly when they share a colour', () => {
    for (const a of PAGE_STATUSES) {
      for (const b of PAGE_STATUSES) {
        expect(lozengeAppearance(a) === lozengeAppearance(b)).toBe(statusColour(a) === statusColour(b));
      }
    }
  });

  it('draws decisions in their outcome colour and submissions in a colour no status has', () => {
    expect(TONE_COLOURS[TREND_TONES.approved]).toBe(statusColour('approved'));
    expect(TONE_COLOURS[TREND_TONES.rejected]).toBe(statusColour('changesRequested'));
    expect(STATUSES.map(statusColour)).not.toContain(TONE_COLOURS[TREND_TONES.submitted]);
  });
});
