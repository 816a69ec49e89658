/**
 * Writes src/shared/status-icons.generated.ts from the status SVGs in static/icons/status: the
 * byline property carries its icon inline (a data URI needs no egress permission), so the files
 * are turned into URIs at build time and the SVGs stay the one source of truth. Run by
 * `npm run typecheck` and `npm start`; test/unit/status-icons.test.ts fails when the module is stale.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';

/** Every page status has a file named after it; the order is the generated module's. */
export const STATUS_ICON_FILES = ['draft', 'inApproval', 'approved', 'changesRequested', 'outdated', 'expired'] as const;

const ROOT = join(__dirname, '..');
export const STATUS_ICON_DIR = join(ROOT, 'static', 'icons', 'status');
export const GENERATED_MODULE = join(ROOT, 'src', 'shared', 'status-icons.generated.ts');

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml,${encodeURIComponent(svg.trim())}`;
}

/** The generated module's text, from the SVG files as they are now. */
export function renderStatusIcons(): string {
  const entries = STATUS_ICON_FILES.map((status) => {
    const uri = svgDataUri(readFileSync(join(STATUS_ICON_DIR, `${status}.svg`), 'utf8'));
    return `  ${status}: ${JSON.stringify(uri)},`;
  });
  return [
    '// Generated from static/icons/status/*.svg by scripts/build-icons.ts: do not edit; edit the SVGs.',
    "import { type PageStatus } from './status';",
    '',
    'export const STATUS_ICONS: Record<PageStatus, string> = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(GENERATED_MODULE, renderStatusIcons());
  console.log(`wrote ${GENERATED_MODULE}`);
}
