/**
 * docs/permissions.md, rendered from the permission matrix's table. Run it to regenerate the
 * document (`npm run docs:permissions`); the matrix test fails while the two differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATRIX, type MatrixRow, type ModuleName, type Outcome, PERSONA_INFO, PERSONAS, SCENE_TEXT, type Scene } from './permission-matrix.table';

export const PERMISSIONS_DOC = join('docs', 'permissions.md');

const MODULE_TITLES: Record<ModuleName, string> = {
  byline: 'Byline dialog (`approval-byline`, on Remote Work Policy, 20011)',
  settings: 'Space settings (`approval-settings`, in HR)',
  queue: 'Approval queue (`approval-queue`, in HR)',
  analytics: 'Analytics (`approval-analytics`, a global page)',
};

const SHOWN: Record<Outcome, string> = {
  ok: '✓',
  'ok, none decided': 'none decided',
  VALIDATION: 'VALIDATION',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PRECONDITION: 'PRECONDITION',
  RATE_LIMITED: 'RATE_LIMITED',
};

const SCENE_MARK: Record<Scene, string> = { workflow: 'A', adminsCreate: 'B', submitted: 'C', editedAfterSubmission: 'D' };

function rowLine(row: MatrixRow): string {
  const name = `\`${row.functionKey}\`${row.label === undefined ? '' : ` (${row.label})`}`;
  return `| ${name} | ${row.call} | ${SCENE_MARK[row.scene]} | ${PERSONAS.map((persona) => SHOWN[row.expect[persona]]).join(' | ')} |`;
}

export function renderPermissions(): string {
  const header = `| function | call | scene | ${PERSONAS.map((persona) => PERSONA_INFO[persona].title).join(' | ')} |`;
  const rule = `|---|---|---|${PERSONAS.map(() => '---').join('|')}|`;
  const modules = (Object.keys(MODULE_TITLES) as ModuleName[]).flatMap((module) => {
    const rows = MATRIX.filter((row) => row.module === module);
    const notes = rows.flatMap((row) => (row.note === undefined ? [] : [`- \`${row.functionKey}\`: ${row.note}`]));
    return [`## ${MODULE_TITLES[module]}`, '', header, rule, ...rows.map(rowLine), '', ...(notes.length > 0 ? [...notes, ''] : [])];
  });
  return [
    '# Who may do what',
    '',
    '<!-- Generated from test/adversarial/permission-matrix.table.ts by `npm run docs:permissions`; do not edit by hand. -->',
    '',
    'Every resolver function of the four UI modules, called by each kind of person. The permission',
    'matrix test (`test/adversarial/permission-matrix.test.ts`) runs every cell on a fresh demo site',
    "and checks the answer; a refused call must leave the app's stored state as it was, write nothing",
    'to Confluence and queue nothing. ✓ is an answer; "none decided" is a bulk decision that answers',
    'with every item refused and unchanged; anything else is the error code the screen shows with its',
    'message. The space, page and person always come from the invocation context, never from the payload.',
    '',
    '## The people',
    '',
    '| person | who |',
    '|---|---|',
    ...PERSONAS.map((persona) => `| ${PERSONA_INFO[persona].title} | ${PERSONA_INFO[persona].who} |`),
    '',
    '## The scenes',
    '',
    'Each cell starts from the seeded site (docs/sandbox.md) with:',
    '',
    ...(Object.keys(SCENE_MARK) as Scene[]).map((scene) => `- **${SCENE_MARK[scene]}**: ${SCENE_TEXT[scene]}.`),
    '',
    ...modules,
  ].join('\n');
}

if (require.main === module) {
  writeFileSync(join(__dirname, '..', '..', PERMISSIONS_DOC), renderPermissions());
  process.stdout.write(`wrote ${PERMISSIONS_DOC}\n`);
}
