/**
 * The sandbox server's clock control. The app reads the time with `new Date()` and `Date.now()`,
 * as do the storage emulator's TTLs, so moving time forward means shifting the process's `Date`:
 * while an offset is set, the global `Date` is a proxy of the real one that adds it to "now"
 * (`Date.now()`, `new Date()`, `Date()`); every other use of `Date` is untouched. `reset()` puts
 * the real `Date` back. One server per process owns it.
 */
export class ProcessClock {
  private readonly realDate: DateConstructor;
  private offset = 0;

  constructor() {
    this.realDate = globalThis.Date;
  }

  get offsetMs(): number {
    return this.offset;
  }

  now(): Date {
    return new this.realDate(this.realDate.now() + this.offset);
  }

  advance(ms: number): void {
    this.offset += ms;
    globalThis.Date = this.shifted();
  }

  reset(): void {
    this.offset = 0;
    globalThis.Date = this.realDate;
  }

  private shifted(): DateConstructor {
    const real = this.realDate;
    const now = (): number => real.now() + this.offset;
    return new Proxy(real, {
      construct: (target, args: unknown[]) => (args.length === 0 ? new target(now()) : (Reflect.construct(target, args) as Date)),
      // `Date()` called as a function answers the current time as a string.
      apply: () => new real(now()).toString(),
      get: (target, property, receiver: unknown) => (property === 'now' ? now : Reflect.get(target, property, receiver)),
    });
  }
}
