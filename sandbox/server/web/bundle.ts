/**
 * One esbuild bundle for the browser, built in memory on first request and rebuilt on a later
 * request when one of its own source files changed. Checking on request (a few dozen `stat`s)
 * instead of watching keeps an idle server at zero CPU, and a saved front-end file still shows
 * up at the next page load. node_modules only change with `npm install`, which restarts anyway.
 */
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { type BuildContext, type BuildOptions, type Message, context, formatMessages } from 'esbuild';

export interface BuiltFile {
  /** `shell.js`, `byline-ui.css`: the entry's name and the kind of output. */
  name: string;
  text: string;
  etag: string;
}

export type BuildOutcome = { ok: true; files: Map<string, BuiltFile> } | { ok: false; message: string };

export interface BundleSpec {
  /** The output's base name (`shell`, or a manifest resource key). */
  name: string;
  /** The entry file, absolute or relative to `workingDir`. */
  entry: string;
  /** Where relative imports and tsconfig.json are looked up from. */
  workingDir: string;
  /** Extra node_modules folders, for apps outside the repository (test fixtures resolve upwards anyway). */
  nodePaths?: string[];
}

/**
 * The settings DESIGN.md records as working for @atlaskit in Chromium: ADS dist files carry JSX
 * in `.js`, and React's production build skips dev-only checks the bundle does not need.
 */
function buildOptions(spec: BundleSpec): BuildOptions {
  return {
    entryPoints: { [spec.name]: spec.entry },
    absWorkingDir: spec.workingDir,
    nodePaths: spec.nodePaths ?? [],
    bundle: true,
    write: false,
    outdir: join(spec.workingDir, '.sandbox-web'),
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    jsx: 'automatic',
    loader: { '.js': 'jsx', '.svg': 'text', '.png': 'dataurl' },
    define: { 'process.env.NODE_ENV': '"production"' },
    metafile: true,
    legalComments: 'none',
    logLevel: 'silent',
    // Emotion-era ADS files keep their old JSX pragma comment on already compiled code.
    logOverride: { 'unsupported-jsx-comment': 'silent' },
  };
}

async function mtimeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}

async function describeFailure(error: unknown): Promise<string> {
  const errors = (error as { errors?: Message[] } | null)?.errors;
  if (Array.isArray(errors) && errors.length > 0) return (await formatMessages(errors, { kind: 'error', color: false })).join('\n');
  return error instanceof Error ? error.message : String(error);
}

export class Bundle {
  private context: Promise<BuildContext> | undefined;
  private last: BuildOutcome | undefined;
  /** Source files of the last successful build with their mtimes (node_modules left out). */
  private inputs = new Map<string, number>();
  private building: Promise<BuildOutcome> | undefined;
  private disposed = false;

  constructor(private readonly spec: BundleSpec) {}

  /** The current build, rebuilding first when a source changed or the last build failed. */
  async current(): Promise<BuildOutcome> {
    if (this.disposed) return { ok: false, message: `The ${this.spec.name} bundle was disposed: the server is stopping` };
    if (this.building !== undefined) return this.building;
    if (this.last?.ok === true && !(await this.changed())) return this.last;
    // A concurrent request may have started the build while this one was checking.
    this.building ??= this.build().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const pending = this.context;
    this.context = undefined;
    if (pending !== undefined) await (await pending).dispose();
  }

  private async changed(): Promise<boolean> {
    for (const [file, mtime] of this.inputs) {
      if ((await mtimeOf(file)) !== mtime) return true;
    }
    return false;
  }

  private async build(): Promise<BuildOutcome> {
    this.context ??= context(buildOptions(this.spec));
    let outcome: BuildOutcome;
    try {
      const result = await (await this.context).rebuild();
      const inputs = new Map<string, number>();
      for (const input of Object.keys(result.metafile?.inputs ?? {})) {
        if (input.includes('node_modules/')) continue;
        const file = isAbsolute(input) ? input : resolve(this.spec.workingDir, input);
        const mtime = await mtimeOf(file);
        if (mtime !== null) inputs.set(file, mtime);
      }
      this.inputs = inputs;
      const files = new Map<string, BuiltFile>();
      for (const output of result.outputFiles ?? []) {
        const name = basename(output.path);
        files.set(name, { name, text: output.text, etag: `"${createHash('sha1').update(output.contents).digest('base64url')}"` });
      }
      outcome = { ok: true, files };
    } catch (error) {
      outcome = { ok: false, message: await describeFailure(error) };
    }
    this.last = outcome;
    return outcome;
  }
}
