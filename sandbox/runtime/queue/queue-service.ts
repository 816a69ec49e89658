import { randomUUID } from 'node:crypto';
import { type Activity } from '../activity';
import { emptyResponse, jsonResponse } from '../http';
import { outsideInvocation } from '../invocation-context';
import { FunctionTimeoutError } from '../invoker';
import { type ConsumerDef } from '../manifest';
import { backoffSeconds, retryRequestOf } from '../retry';
import { DueQueue } from './due-queue';
import { type JsonObject, isRecord } from '../types';

/** The shape a consumer function receives (AsyncEvent of @forge/events 2+). */
export interface AsyncEventShape {
  body: JsonObject;
  queueName: string;
  jobId: string;
  eventId: string;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryContext?: {
    retryCount: number;
    retryReason: string;
    retryData: unknown;
    retentionWindow: { startTime: string; remainingTimeMs: number };
  };
}

interface QueuedEvent {
  seq: number;
  eventId: string;
  jobId: string;
  queueName: string;
  body: JsonObject;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  retryCount: number;
  retryReason?: string;
  retryData?: unknown;
  /** Queue-clock seconds. */
  dueAt: number;
  enqueuedAt: number;
  enqueuedAtIso: string;
  duplicate: boolean;
}

interface JobState {
  queueName: string;
  total: number;
  success: number;
  failed: number;
  canceled: boolean;
  /** Events a cancel removed before they ran: no longer in progress, neither success nor failure. */
  withdrawn: number;
}

export interface DeliveryRecord {
  eventId: string;
  jobId: string;
  queueName: string;
  retryCount: number;
  duplicate: boolean;
  /** Queue-clock seconds at which the delivery started. */
  at: number;
  outcome: 'success' | 'retry' | 'error' | 'dropped';
  error?: string;
}

/** What the queue holds right now (the sandbox server's `GET /__sandbox/queue`). */
export interface QueueState {
  /** Queue-clock seconds. */
  clock: number;
  duplicateDelivery: boolean;
  /** Events not yet started, retries and those waiting for a concurrency slot included. */
  pending: Array<{ eventId: string; jobId: string; queueName: string; retryCount: number; dueAt: number; duplicate: boolean; waitingForSlot: boolean }>;
  inFlight: number;
  /** Pending events that are retries of a failed or retry-requesting delivery. */
  retries: number;
  jobs: Array<{ jobId: string; queueName: string; success: number; failed: number; inProgress: number; canceled: boolean }>;
  /** Events given up on (retention window spent or job canceled), summed over jobs. */
  failed: number;
  deliveries: DeliveryRecord[];
}

export interface QueueSnapshot {
  clock: number;
  pending: QueuedEvent[];
  jobs: Array<[string, JobState]>;
}

export interface QueueOptions {
  /** Real milliseconds per simulated millisecond of delay/backoff: 0 runs delays at once, 1 is real time. */
  timeScale?: number;
  /** How long an event may keep being retried (Forge: 24 hours from enqueueing). */
  retentionWindowMs?: number;
}

export type RunConsumer = (consumer: ConsumerDef, event: AsyncEventShape) => Promise<unknown>;

const DAY_MS = 24 * 60 * 60 * 1000;
const MAX_EVENTS_PER_PUSH = 50;
const MAX_PUSH_BYTES = 200 * 1024;
const MAX_DELAY_SECONDS = 900;

/**
 * The async events queue: accepts `Queue.push` requests as the platform's publish endpoint does,
 * then delivers each event to the manifest consumer of its queue, asynchronously, at least once.
 * Time is a queue clock in seconds that advances to each due event, so delays and backoff keep
 * their order while `timeScale` decides how much real time they take.
 */
export class QueueService {
  /** When on, every successfully processed event is delivered a second time (at-least-once). */
  duplicateDelivery = false;
  timeScale: number;
  retentionWindowMs: number;

  private clock = 0;
  private seq = 0;
  private readonly pending = new DueQueue<QueuedEvent>();
  private running = 0;
  private readonly waitingForSlot = new Map<string, QueuedEvent[]>();
  private readonly runningPerKey = new Map<string, number>();
  private readonly jobs = new Map<string, JobState>();
  private deliveryLog: DeliveryRecord[] = [];
  private timer: NodeJS.Timeout | undefined;
  private pumpScheduled = false;

  constructor(
    private readonly consumers: ConsumerDef[],
    private readonly runConsumer: RunConsumer,
    private readonly activity: Activity,
    private readonly onChange: () => void,
    options: QueueOptions = {},
  ) {
    this.timeScale = options.timeScale ?? 0;
    this.retentionWindowMs = options.retentionWindowMs ?? DAY_MS;
    activity.register(() => this.pumpScheduled || this.pending.size > 0 || this.running > 0 || [...this.waitingForSlot.values()].some((list) => list.length > 0));
  }

  /** Handles the platform endpoints @forge/events posts to (queries.js: publish, stats, cancel). */
  handleRequest(path: string, bodyText: string | undefined): Response {
    let body: unknown;
    try {
      body = bodyText === undefined ? undefined : JSON.parse(bodyText);
    } catch {
      return jsonResponse(400, { message: 'Request body is not JSON' });
    }
    if (!isRecord(body) || typeof body.queueName !== 'string' || typeof body.jobId !== 'string') {
      return jsonResponse(400, { message: 'queueName and jobId are required' });
    }
    if (path.startsWith('/webhook/queue/publish/')) return this.publish(body.queueName, body.jobId, body.payload);
    if (path.startsWith('/webhook/queue/stats/')) return this.stats(body.jobId);
    if (path.startsWith('/webhook/queue/cancel/')) return this.cancel(body.jobId);
    return jsonResponse(404, { message: `Unknown queue endpoint ${path}` });
  }

  private publish(queueName: string, jobId: string, payload: unknown): Response {
    if (!Array.isArray(payload) || payload.length === 0) return jsonResponse(400, { message: 'No events pushed.' });
    // The service enforces the push limits itself, whatever client sent the request.
    if (payload.length > MAX_EVENTS_PER_PUSH) return jsonResponse(400, { message: `A push can contain at most ${MAX_EVENTS_PER_PUSH} events.` });
    if (Buffer.byteLength(JSON.stringify(payload), 'utf8') > MAX_PUSH_BYTES) return jsonResponse(413, { errorMessage: `The maximum payload size is ${MAX_PUSH_BYTES / 1024}KB.` });
    if (!this.consumers.some((consumer) => consumer.queue === queueName)) {
      console.warn(`sandbox: queue '${queueName}' has no consumer in manifest.yml; its events will never be processed`);
    }
    const now = new Date().toISOString();
    const events: QueuedEvent[] = [];
    for (const raw of payload) {
      if (!isRecord(raw) || !isRecord(raw.body)) return jsonResponse(400, { message: 'Event body must be an object.' });
      const delay = typeof raw.delayInSeconds === 'number' ? raw.delayInSeconds : undefined;
      if (delay !== undefined && (delay < 0 || delay > MAX_DELAY_SECONDS)) return jsonResponse(400, { message: `delayInSeconds must be between 0 and ${MAX_DELAY_SECONDS}.` });
      const concurrency =
        isRecord(raw.concurrency) && typeof raw.concurrency.key === 'string' && typeof raw.concurrency.limit === 'number'
          ? { key: raw.concurrency.key, limit: raw.concurrency.limit }
          : undefined;
      events.push({
        seq: 0,
        eventId: randomUUID(),
        jobId,
        queueName,
        body: raw.body as JsonObject,
        delayInSeconds: delay,
        concurrency,
        retryCount: 0,
        dueAt: this.clock + (delay ?? 0),
        enqueuedAt: this.clock,
        enqueuedAtIso: now,
        duplicate: false,
      });
    }
    this.jobs.set(jobId, { queueName, total: events.length, success: 0, failed: 0, canceled: false, withdrawn: 0 });
    for (const event of events) this.enqueue(event);
    this.changed();
    return jsonResponse(201, {});
  }

  private stats(jobId: string): Response {
    const job = this.jobs.get(jobId);
    if (job === undefined) return jsonResponse(404, { message: 'Job not found' });
    return jsonResponse(200, { success: job.success, failed: job.failed, inProgress: job.total - job.success - job.failed - job.withdrawn });
  }

  private cancel(jobId: string): Response {
    const job = this.jobs.get(jobId);
    if (job === undefined) return jsonResponse(404, { message: 'Job not found' });
    job.canceled = true;
    // Events not yet started (including retries) are not processed; running ones finish.
    const withdrawn = (event: QueuedEvent): boolean => event.jobId === jobId;
    const waiting = [...this.waitingForSlot.values()].flat();
    job.withdrawn += [...this.pending.remove(withdrawn), ...waiting.filter(withdrawn)].filter((event) => !event.duplicate).length;
    for (const [key, list] of this.waitingForSlot) this.waitingForSlot.set(key, list.filter((event) => !withdrawn(event)));
    this.changed();
    return emptyResponse(204);
  }

  private enqueue(event: QueuedEvent): void {
    this.seq += 1;
    this.pending.push({ ...event, seq: this.seq });
  }

  /** Deliveries start on a later macrotask: never inside the push request that created them. */
  private changed(): void {
    this.onChange();
    if (!this.pumpScheduled) {
      this.pumpScheduled = true;
      outsideInvocation(() =>
        setImmediate(() => {
          this.pumpScheduled = false;
          this.pump();
          this.activity.notify();
        }),
      );
    }
    this.activity.notify();
  }

  private pump(): void {
    while ((this.pending.peek()?.dueAt ?? Infinity) <= this.clock) this.start(this.pending.pop() as QueuedEvent);
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const next = this.pending.peek();
    if (next === undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.clock = Math.max(this.clock, next.dueAt);
      this.pump();
      this.activity.notify();
    }, (next.dueAt - this.clock) * 1000 * this.timeScale);
    this.timer.unref();
  }

  private start(event: QueuedEvent): void {
    const key = event.concurrency?.key;
    if (key !== undefined && event.concurrency !== undefined) {
      const running = this.runningPerKey.get(key) ?? 0;
      if (running >= event.concurrency.limit) {
        const waiting = this.waitingForSlot.get(key) ?? [];
        waiting.push(event);
        this.waitingForSlot.set(key, waiting);
        return;
      }
      this.runningPerKey.set(key, running + 1);
    }
    this.running += 1;
    void this.deliver(event).finally(() => {
      this.running -= 1;
      if (key !== undefined) {
        this.runningPerKey.set(key, (this.runningPerKey.get(key) ?? 1) - 1);
        const next = this.waitingForSlot.get(key)?.shift();
        if (next !== undefined) this.start(next);
      }
      this.changed();
    });
  }

  private shapeOf(event: QueuedEvent): AsyncEventShape {
    const shaped: AsyncEventShape = { body: event.body, queueName: event.queueName, jobId: event.jobId, eventId: event.eventId };
    if (event.delayInSeconds !== undefined) shaped.delayInSeconds = event.delayInSeconds;
    if (event.concurrency !== undefined) shaped.concurrency = event.concurrency;
    if (event.retryCount > 0 && !event.duplicate) {
      shaped.retryContext = {
        retryCount: event.retryCount,
        retryReason: event.retryReason ?? 'FUNCTION_RETRY_REQUEST',
        retryData: event.retryData,
        retentionWindow: { startTime: event.enqueuedAtIso, remainingTimeMs: Math.max(0, this.retentionWindowMs - (this.clock - event.enqueuedAt) * 1000) },
      };
    }
    return shaped;
  }

  private async deliver(event: QueuedEvent): Promise<void> {
    const consumer = this.consumers.find((candidate) => candidate.queue === event.queueName);
    const job = this.jobs.get(event.jobId);
    const record: DeliveryRecord = { eventId: event.eventId, jobId: event.jobId, queueName: event.queueName, retryCount: event.retryCount, duplicate: event.duplicate, at: this.clock, outcome: 'success' };
    this.deliveryLog.push(record);
    if (consumer === undefined) {
      record.outcome = 'dropped';
      record.error = 'no consumer for this queue';
      return;
    }
    let retry: { afterSeconds: number; reason: string; data: unknown } | undefined;
    try {
      const value = await this.runConsumer(consumer, this.shapeOf(event));
      const requested = retryRequestOf(value);
      if (requested !== undefined) retry = { afterSeconds: requested.retryAfterSeconds, reason: requested.retryReason, data: requested.retryData };
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      retry = {
        afterSeconds: backoffSeconds(event.retryCount),
        reason: error instanceof FunctionTimeoutError ? 'FUNCTION_TIME_OUT' : 'FUNCTION_ERR',
        data: undefined,
      };
    }
    if (event.duplicate) {
      if (retry !== undefined) record.outcome = 'error';
      return;
    }
    if (retry === undefined) {
      if (job !== undefined) job.success += 1;
      if (this.duplicateDelivery) this.enqueue({ ...event, duplicate: true, dueAt: this.clock });
      return;
    }
    record.outcome = record.error === undefined ? 'retry' : 'error';
    const dueAt = this.clock + retry.afterSeconds;
    if (job?.canceled === true || (dueAt - event.enqueuedAt) * 1000 > this.retentionWindowMs) {
      if (job !== undefined) job.failed += 1;
      return;
    }
    this.enqueue({ ...event, retryCount: event.retryCount + 1, retryReason: retry.reason, retryData: retry.data, dueAt });
  }

  /** Every delivery attempt so far, in start order. */
  deliveries(filter: { queueName?: string; jobId?: string } = {}): DeliveryRecord[] {
    return this.deliveryLog.filter((record) => (filter.queueName === undefined || record.queueName === filter.queueName) && (filter.jobId === undefined || record.jobId === filter.jobId));
  }

  /** Seconds on the queue clock (advances to each delivered event's due time). */
  now(): number {
    return this.clock;
  }

  /** Moves the queue clock forward (the server's clock control): events now due start at once. */
  advance(seconds: number): void {
    this.clock += seconds;
    this.changed();
  }

  state(): QueueState {
    const describe = (waitingForSlot: boolean) => (event: QueuedEvent) => ({
      eventId: event.eventId,
      jobId: event.jobId,
      queueName: event.queueName,
      retryCount: event.retryCount,
      dueAt: event.dueAt,
      duplicate: event.duplicate,
      waitingForSlot,
    });
    const pending = [...this.pending.ordered().map(describe(false)), ...[...this.waitingForSlot.values()].flat().map(describe(true))];
    const jobs = [...this.jobs.entries()].map(([jobId, job]) => ({
      jobId,
      queueName: job.queueName,
      success: job.success,
      failed: job.failed,
      inProgress: job.total - job.success - job.failed - job.withdrawn,
      canceled: job.canceled,
    }));
    return {
      clock: this.clock,
      duplicateDelivery: this.duplicateDelivery,
      pending,
      inFlight: this.running,
      retries: pending.filter((event) => event.retryCount > 0 && !event.duplicate).length,
      jobs,
      failed: jobs.reduce((sum, job) => sum + job.failed, 0),
      deliveries: [...this.deliveryLog],
    };
  }

  snapshot(): QueueSnapshot {
    const waiting = [...this.waitingForSlot.values()].flat();
    return { clock: this.clock, pending: [...this.pending.ordered(), ...waiting], jobs: [...this.jobs.entries()] };
  }

  restore(snapshot: QueueSnapshot): void {
    this.clear();
    this.clock = snapshot.clock;
    for (const [jobId, job] of snapshot.jobs) this.jobs.set(jobId, job);
    for (const event of snapshot.pending) this.enqueue(event);
    this.changed();
  }

  clear(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
    this.waitingForSlot.clear();
    this.jobs.clear();
    this.deliveryLog = [];
    this.activity.notify();
  }
}
