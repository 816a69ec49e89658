/**
 * The permission matrix: every resolver function × every kind of person, each cell from a fresh
 * demo site. A cell's answer must be the table's (permission-matrix.table.ts), and a refused call
 * must change nothing: the app's stored state as before, no Confluence write, nothing queued.
 * docs/permissions.md is generated from the same table and must match it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  analyticsContract,
  type AnalyticsExportView,
  type AnalyticsView,
  bylineContract,
  type BulkResultView,
  queueContract,
  settingsContract,
} from '../../src/shared/contract';
import { type OpEntry } from '../../sandbox';
import { isBridgeError } from '../../src/shared/errors';
import { APP_ROOT, startApp, type TestApp } from '../integration/support/app';
import { MATRIX, type MatrixRow, type Outcome, PERSONA_INFO, PERSONAS, type Persona } from './permission-matrix.table';
import { PERMISSIONS_DOC, renderPermissions } from './permission-matrix.doc';
import { buildScene, contextOf, MODULE_KEYS } from './support/permission-scenes';

function outcomeOf(row: MatrixRow, answer: unknown): Outcome | 'INTERNAL' {
  if (isBridgeError(answer)) return answer.error.code;
  if (row.functionKey === 'bulkDecide' && (answer as BulkResultView).succeeded === 0) return 'ok, none decided';
  return 'ok';
}

/** Confluence calls that read although they POST their question (v2 "get users by ids", v1 permission check). */
const POSTED_READS = [/\/api\/v2\/users-bulk$/, /\/permission\/check$/];

function isConfluenceWrite(entry: OpEntry): boolean {
  if (entry.method.toUpperCase() === 'GET') return false;
  const path = entry.path.split('?')[0];
  return !(entry.method.toUpperCase() === 'POST' && POSTED_READS.some((read) => read.test(path)));
}

/** Analytics answers everyone, but shows HR only to those who can view it. */
function analyticsLeaks(row: MatrixRow, persona: Persona, answer: unknown): string[] {
  const seesHr = persona !== 'noAccess';
  const shown = row.functionKey === 'getAnalytics' ? (answer as AnalyticsView).spaces.some((space) => space.key === 'HR') : (answer as AnalyticsExportView).content.includes(',HR,');
  return shown === seesHr ? [] : [`HR ${shown ? 'shown' : 'not shown'} in the analytics`];
}

interface Cell {
  outcome: Outcome | 'INTERNAL';
  message: string;
  /** What went wrong besides the answer: a refusal that changed something, an answer showing a hidden space. */
  changed: string[];
}

async function runCell(app: TestApp, row: MatrixRow, persona: Persona): Promise<Cell> {
  const ids = await buildScene(app, row.scene);
  const before = app.appState();
  const queued = app.sandbox.queue.deliveries().length;
  app.sandbox.ops.reset();
  const answer = await app.as(PERSONA_INFO[persona].accountId).invoke(MODULE_KEYS[row.module], row.functionKey, row.payload(ids), contextOf(app, row.module));
  const outcome = outcomeOf(row, answer);
  const message = isBridgeError(answer) ? answer.error.message : '';
  const changed: string[] = [];
  if (row.module === 'analytics' && outcome === 'ok') changed.push(...analyticsLeaks(row, persona, answer));
  if (outcome !== 'ok') {
    const writes = app.sandbox.ops.entries({ kind: 'confluence' }).filter(isConfluenceWrite);
    if (writes.length > 0) changed.push(`Confluence writes: ${writes.map((entry) => `${entry.method} ${entry.path}`).join(', ')}`);
    await app.drain();
    if (JSON.stringify(app.appState()) !== JSON.stringify(before)) changed.push('stored state changed');
    if (app.sandbox.queue.deliveries().length !== queued) changed.push('effects queued');
  }
  return { outcome, message, changed };
}

describe('permission matrix', () => {
  let app: TestApp;
  let errors: jest.SpyInstance;
  beforeAll(async () => {
    app = await startApp();
    errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterAll(() => {
    errors.mockRestore();
    app.close();
  });

  it.each(MATRIX.map((row) => [`${row.module}/${row.functionKey}${row.label === undefined ? '' : ` (${row.label})`}`, row] as const))(
    '%s answers each person as the table says, and a refusal changes nothing',
    async (_name, row) => {
      const actual: Record<string, Outcome | 'INTERNAL'> = {};
      const problems: string[] = [];
      for (const persona of PERSONAS) {
        const cell = await runCell(app, row, persona);
        actual[persona] = cell.outcome;
        if (cell.changed.length > 0) problems.push(`${persona}: ${cell.outcome} but ${cell.changed.join('; ')}`);
        if (cell.outcome !== 'ok' && cell.outcome !== 'ok, none decided' && cell.message.trim() === '') problems.push(`${persona}: refused without a message`);
        if (process.env.PERMISSION_MATRIX_PRINT === '1') process.stdout.write(`${row.module}/${row.functionKey} ${persona}: ${cell.outcome} ${cell.message}\n`);
      }
      expect({ actual, problems }).toEqual({ actual: row.expect, problems: [] });
    },
  );

  it('covers every resolver function of the four modules', () => {
    const contracts = { byline: bylineContract, settings: settingsContract, queue: queueContract, analytics: analyticsContract };
    const declared = Object.entries(contracts).flatMap(([module, contract]) => Object.keys(contract).map((functionKey) => `${module}/${functionKey}`));
    expect(new Set(MATRIX.map((row) => `${row.module}/${row.functionKey}`))).toEqual(new Set(declared));
  });

  it('docs/permissions.md is generated from the table (npm run docs:permissions)', () => {
    expect(readFileSync(join(APP_ROOT, PERMISSIONS_DOC), 'utf8')).toBe(renderPermissions());
  });
});
