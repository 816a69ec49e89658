/**
 * Runs an operation's whole fault matrix inside one test: every call of its clean run × every
 * fault kind (or a sample of the calls), collecting every broken invariant before failing, so a
 * regression names all the calls it affects at once.
 */
import { type CaseReport, cleanRun, FAULT_KINDS, type FaultKind, faultedRun, type Operation } from './fault-matrix';

export interface MatrixFigures {
  operation: string;
  calls: number;
  cases: number;
  failures: string[];
  /** How the faulted runs were answered (CaseReport.answer); platform work always 'ok'. */
  answers: Record<string, number>;
  ms: number;
}

/** `every`: each call; a number n: every n-th call (plus the last), for long consumers. */
export async function runMatrix<Ctx>(name: string, operation: Operation<Ctx>, options: { sample?: number; faults?: FaultKind[] } = {}): Promise<MatrixFigures> {
  const started = Date.now();
  const clean = await cleanRun(operation);
  if (clean.calls.length === 0) throw new Error(`${name}: the clean run made no platform call as ${operation.functionKey}`);
  const step = options.sample ?? 1;
  const sites = clean.calls.filter((_, index) => index % step === 0 || index === clean.calls.length - 1);
  const kinds = options.faults ?? (Object.keys(FAULT_KINDS) as FaultKind[]);
  const failures: string[] = [];
  const reports: CaseReport[] = [];
  for (const site of sites) {
    for (const fault of kinds) {
      try {
        reports.push(await faultedRun(operation, clean, site, fault));
      } catch (error) {
        failures.push(`${site.label} × ${fault}: ${error instanceof Error ? error.message.split('\n').slice(0, 12).join('\n') : String(error)}`);
      }
    }
  }
  const answers: Record<string, number> = {};
  for (const report of reports) answers[report.answer] = (answers[report.answer] ?? 0) + 1;
  const figures = { operation: name, calls: clean.calls.length, cases: sites.length * kinds.length, failures, answers, ms: Date.now() - started };
  // The figures of docs/reliability.md: `ADVERSARIAL_FIGURES=1 npx jest test/adversarial`.
  if (process.env.ADVERSARIAL_FIGURES === '1') process.stdout.write(`${JSON.stringify({ ...figures, failures: failures.length })}\n`);
  return figures;
}
