/**
 * Validates manifest.yml (or the file given as the first argument) with the official
 * @forge/manifest validator: the same schema and scope checks `forge deploy` runs.
 * Exits non-zero on any error so that `npm test` fails.
 */
import { validate } from '@forge/manifest';

export interface ManifestProblem {
  line: number;
  column: number;
  message: string;
}

export async function validateManifestFile(file: string): Promise<ManifestProblem[]> {
  const result = await validate(false, file);
  const problems = (result.errors ?? [])
    .filter((e) => e.level === 'error')
    .map((e) => ({ line: e.line ?? 0, column: e.column ?? 0, message: e.message }));
  if (!result.success && problems.length === 0) {
    problems.push({ line: 0, column: 0, message: 'the validator rejected the manifest' });
  }
  return problems;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'manifest.yml';
  const problems = await validateManifestFile(file);
  for (const p of problems) console.error(`${file}:${p.line}:${p.column} error: ${p.message}`);
  if (problems.length > 0) {
    console.error(`manifest validation failed: ${problems.length} problem(s)`);
    process.exit(1);
  }
  console.log(`${file} is valid`);
}

if (require.main === module) void main();
