/**
 * Events waiting for their time, earliest first (ties in the order they were queued): a binary
 * heap, so queuing and starting an event cost log n. A sorted array paid n for every push, which
 * made a 100,000-job fan-out (issue 16's daily job) cost the square of its size.
 */
export interface Due {
  /** Queue-clock seconds. */
  dueAt: number;
  seq: number;
}

const before = (a: Due, b: Due): boolean => a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);

export class DueQueue<T extends Due> {
  private heap: T[] = [];

  get size(): number {
    return this.heap.length;
  }

  /** The earliest event, left in place. */
  peek(): T | undefined {
    return this.heap[0];
  }

  push(item: T): void {
    this.heap.push(item);
    this.up(this.heap.length - 1);
  }

  /** Takes the earliest event out. */
  pop(): T | undefined {
    const top = this.heap[0];
    const last = this.heap.pop();
    if (top !== undefined && last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top;
  }

  /** Every event, earliest first. */
  ordered(): T[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }

  /** Takes out the events `matches` picks; returns them. */
  remove(matches: (item: T) => boolean): T[] {
    const removed = this.heap.filter(matches);
    if (removed.length === 0) return removed;
    const kept = this.heap.filter((item) => !matches(item));
    this.heap = [];
    for (const item of kept) this.push(item);
    return removed;
  }

  clear(): void {
    this.heap = [];
  }

  private up(index: number): void {
    let child = index;
    while (child > 0) {
      const parent = (child - 1) >> 1;
      if (!before(this.heap[child], this.heap[parent])) return;
      [this.heap[child], this.heap[parent]] = [this.heap[parent], this.heap[child]];
      child = parent;
    }
  }

  private down(index: number): void {
    let parent = index;
    for (;;) {
      const left = 2 * parent + 1;
      const right = left + 1;
      let first = parent;
      if (left < this.heap.length && before(this.heap[left], this.heap[first])) first = left;
      if (right < this.heap.length && before(this.heap[right], this.heap[first])) first = right;
      if (first === parent) return;
      [this.heap[parent], this.heap[first]] = [this.heap[first], this.heap[parent]];
      parent = first;
    }
  }
}
