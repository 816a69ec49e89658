import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateManifestFile } from '../../scripts/validate-manifest';

const root = path.resolve(__dirname, '../..');
const manifest = readFileSync(path.join(root, 'manifest.yml'), 'utf8');

/** Validates a variant of the manifest beside the app's real src/ and static/ (resources must exist). */
async function problemsOf(text: string): Promise<string[]> {
  const dir = mkdtempSync(path.join(tmpdir(), 'manifest-'));
  symlinkSync(path.join(root, 'src'), path.join(dir, 'src'));
  symlinkSync(path.join(root, 'static'), path.join(dir, 'static'));
  const file = path.join(dir, 'manifest.yml');
  writeFileSync(file, text);
  return (await validateManifestFile(file)).map((p) => p.message);
}

describe('npm run validate', () => {
  it('accepts the app manifest', async () => {
    expect(await problemsOf(manifest)).toEqual([]);
  });

  it('fails on a misspelled scope and names it', async () => {
    const problems = await problemsOf(manifest.replace('read:page:confluence', 'read:paeg:confluence'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("'read:paeg:confluence'");
  });

  it('fails when the runtime is not a supported Node.js runtime', async () => {
    const problems = await problemsOf(manifest.replace('nodejs22.x', 'nodejs9.x'));
    expect(problems.join('\n')).toContain('nodejs9.x');
  });

  it('declares no egress: no external permissions and no remotes', () => {
    expect(manifest).not.toMatch(/^\s*external:/m);
    expect(manifest).not.toMatch(/^remotes:/m);
  });
});
