/**
 * Background work of the platform (queued events, product-event triggers): tests await
 * `drain()` until every component reports idle, including work started by that very work.
 */
export class Activity {
  private readonly probes: Array<() => boolean> = [];
  private waiters: Array<() => void> = [];
  private checkScheduled = false;

  /** Registers a component; `busy` says whether it has work pending or running. */
  register(busy: () => boolean): void {
    this.probes.push(busy);
  }

  /** Components call this after each change of state. */
  notify(): void {
    if (this.checkScheduled || this.waiters.length === 0) return;
    this.checkScheduled = true;
    // A macrotask later, so work scheduled synchronously by the change is counted first.
    setImmediate(() => {
      this.checkScheduled = false;
      if (this.idle()) {
        const waiters = this.waiters;
        this.waiters = [];
        for (const resolve of waiters) resolve();
      }
    });
  }

  idle(): boolean {
    return this.probes.every((busy) => !busy());
  }

  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.notify();
    });
  }
}
