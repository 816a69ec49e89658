/**
 * The SVGs in static/icons/status are the one source of the byline icons: the committed data
 * URIs must be what scripts/build-icons.ts makes of them today.
 */
import { readFileSync } from 'fs';
import { GENERATED_MODULE, renderStatusIcons } from '../../scripts/build-icons';

describe('the generated status icons', () => {
  it('match the SVG files in static/icons/status (run `npm run build:icons` after editing one)', () => {
    expect(readFileSync(GENERATED_MODULE, 'utf8')).toBe(renderStatusIcons());
  });
});
