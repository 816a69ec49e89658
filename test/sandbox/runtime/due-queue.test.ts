import { DueQueue } from '../../../sandbox/runtime/queue/due-queue';

interface Event {
  dueAt: number;
  seq: number;
  name: string;
}

describe('due queue', () => {
  it('gives events back earliest first, and in the order they were queued when due together', () => {
    const queue = new DueQueue<Event>();
    const due = [5, 0, 3, 0, 5, 1, 3, 0];
    due.forEach((dueAt, seq) => queue.push({ dueAt, seq, name: `e${seq}` }));
    expect(queue.ordered().map((event) => event.name)).toEqual(['e1', 'e3', 'e7', 'e5', 'e2', 'e6', 'e0', 'e4']);
    const popped: string[] = [];
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) popped.push(event.name);
    expect(popped).toEqual(['e1', 'e3', 'e7', 'e5', 'e2', 'e6', 'e0', 'e4']);
    expect(queue.size).toBe(0);
  });

  it('keeps its order after events are taken out', () => {
    const queue = new DueQueue<Event>();
    for (let seq = 0; seq < 200; seq += 1) queue.push({ dueAt: (seq * 7919) % 13, seq, name: `e${seq}` });
    const removed = queue.remove((event) => event.seq % 3 === 0);
    expect(removed).toHaveLength(67);
    const rest: Event[] = [];
    for (let event = queue.pop(); event !== undefined; event = queue.pop()) rest.push(event);
    expect(rest).toHaveLength(133);
    expect(rest.every((event) => event.seq % 3 !== 0)).toBe(true);
    expect(rest.every((event, i) => i === 0 || rest[i - 1].dueAt < event.dueAt || (rest[i - 1].dueAt === event.dueAt && rest[i - 1].seq < event.seq))).toBe(true);
  });

});
