import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Keeps the sandbox's state in `<dataDir>/state.json` across restarts. Writes are debounced
 * (a burst of mutations costs one write) and atomic (temp file + rename: a crash leaves the old
 * or the new file, never half of one); pending state is flushed synchronously on close and on
 * process exit or SIGINT/SIGTERM.
 */
export class StatePersistence<T> {
  private readonly file: string;
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private readonly onExit = (): void => this.flush();
  private readonly onSignal = (signal: NodeJS.Signals): void => {
    this.flush();
    this.detach();
    // Re-raise with the default handler gone, so the process still ends as the signal asks.
    process.kill(process.pid, signal);
  };

  constructor(
    dataDir: string,
    private readonly collect: () => T,
    private readonly debounceMs = 50,
  ) {
    mkdirSync(dataDir, { recursive: true });
    this.file = join(dataDir, 'state.json');
    process.on('exit', this.onExit);
    process.once('SIGINT', this.onSignal);
    process.once('SIGTERM', this.onSignal);
  }

  load(): unknown {
    if (!existsSync(this.file)) return undefined;
    return JSON.parse(readFileSync(this.file, 'utf8')) as unknown;
  }

  markDirty(): void {
    this.dirty = true;
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush();
    }, this.debounceMs);
    this.timer.unref();
  }

  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(this.collect()));
    renameSync(temp, this.file);
  }

  private detach(): void {
    process.off('exit', this.onExit);
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }

  close(): void {
    this.flush();
    this.detach();
  }
}
