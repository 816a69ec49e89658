import { type Activity } from './activity';
import { PAGE_EVENT_SCOPE, pageUpdatedPayload, updatedEventType } from './confluence-events';
import { type ConfluencePort, type PageUpdatedEvent } from './confluence-port';
import { outsideInvocation } from './invocation-context';
import { FunctionTimeoutError } from './invoker';
import { type AppManifest, type TriggerDef } from './manifest';
import { backoffSeconds, retryRequestOf } from './retry';
import { INTERACTIVE_LIMIT_SECONDS } from './runtime-limits';
import { type JsonObject, isRecord } from './types';

/** An Atlassian app event is retried at most four times (events-reference/product_events). */
export const MAX_TRIGGER_RETRIES = 4;
/** `retryData` over 4 KB is refused (events-reference/product_events, "retryData limitation"). */
export const MAX_RETRY_DATA_BYTES = 4 * 1024;

interface Retry {
  afterSeconds: number;
  reason: string;
  data?: unknown;
}

/**
 * What a retry carries back in `retryContext.retryData`: only an object is sent again (the
 * documented bug ECO-734), and more than 4 KB is refused (undefined: no retry at all).
 */
function retryDataOf(data: unknown): { data?: unknown } | undefined {
  if (!isRecord(data)) return {};
  return Buffer.byteLength(JSON.stringify(data), 'utf8') > MAX_RETRY_DATA_BYTES ? undefined : { data };
}

export type RunTrigger = (trigger: TriggerDef, event: Record<string, unknown>) => Promise<unknown>;

export interface TriggerOptions {
  timeScale: () => number;
}

export interface TriggerDelivery {
  triggerKey: string;
  eventType: string;
  pageId: string;
  retryCount: number;
  outcome: 'ok' | 'retry' | 'error' | 'timeout' | 'skipped';
  reason?: string;
}

/** Delivers Confluence product events to the manifest's `trigger` modules, asynchronously. */
export class ProductEventTriggers {
  private inFlight = 0;
  private log: TriggerDelivery[] = [];
  private warnedScope = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly manifest: AppManifest,
    private readonly confluence: () => ConfluencePort,
    private readonly run: RunTrigger,
    private readonly activity: Activity,
    private readonly options: TriggerOptions,
  ) {
    activity.register(() => this.inFlight > 0);
    for (const trigger of manifest.triggers) {
      if (trigger.expression !== undefined) console.warn(`sandbox: trigger '${trigger.key}': filter.expression is not evaluated; every event is delivered`);
      const timeout = manifest.functions.get(trigger.functionKey)?.timeoutSeconds;
      if (timeout !== undefined && timeout > INTERACTIVE_LIMIT_SECONDS) {
        console.warn(`sandbox: trigger '${trigger.key}': function '${trigger.functionKey}' runs at most ${INTERACTIVE_LIMIT_SECONDS} s; timeoutSeconds applies only to functions that serve consumers or scheduled triggers alone`);
      }
    }
  }

  pageUpdated(event: PageUpdatedEvent): void {
    const eventType = updatedEventType(event);
    const subscribed = this.manifest.triggers.filter((trigger) => trigger.events.includes(eventType));
    if (subscribed.length === 0) return;
    if (!this.manifest.scopes.some((scope) => scope.key === PAGE_EVENT_SCOPE)) {
      if (!this.warnedScope) console.warn(`sandbox: Confluence page events need the '${PAGE_EVENT_SCOPE}' scope in manifest.yml; none is delivered`);
      this.warnedScope = true;
      for (const trigger of subscribed) this.log.push({ triggerKey: trigger.key, eventType, pageId: event.pageId, retryCount: 0, outcome: 'skipped', reason: 'missing scope' });
      return;
    }
    // Self-generated: the app's own account made the version (events-reference/confluence, payload).
    const selfGenerated = event.editorAccountId === this.confluence().appAccountId;
    this.track(async () => {
      // Content whose restrictions leave the app out raises no event for it (known limitation
      // ECO-961: "Forge app does not receive page-view or page-updated events for restricted content").
      if (!(await this.appCanView(event))) {
        for (const trigger of subscribed) this.log.push({ triggerKey: trigger.key, eventType, pageId: event.pageId, retryCount: 0, outcome: 'skipped', reason: 'restricted from the app' });
        return;
      }
      const payload = await pageUpdatedPayload(this.confluence(), event, selfGenerated);
      for (const trigger of subscribed) this.attempt(trigger, payload, event.pageId, 0, undefined);
    });
  }

  private async appCanView(event: PageUpdatedEvent): Promise<boolean> {
    const collection = event.contentType === 'blogpost' ? 'blogposts' : 'pages';
    const answer = await this.confluence().handle({ method: 'GET', path: `/wiki/api/v2/${collection}/${encodeURIComponent(event.pageId)}`, headers: {}, actor: { kind: 'app' } });
    return answer.status === 200;
  }

  private track(work: () => Promise<void>): void {
    this.inFlight += 1;
    outsideInvocation(() => setImmediate(() => {
      void work()
        .catch((error: unknown) => console.error('sandbox: trigger delivery failed', error))
        .finally(() => {
          this.inFlight -= 1;
          this.activity.notify();
        });
    }));
  }

  private attempt(trigger: TriggerDef, payload: JsonObject, pageId: string, retryCount: number, retryContext: Record<string, unknown> | undefined): void {
    this.track(async () => {
      const event = retryContext === undefined ? payload : { ...payload, retryContext };
      const record: TriggerDelivery = { triggerKey: trigger.key, eventType: String(payload.eventType), pageId, retryCount, outcome: 'ok' };
      this.log.push(record);
      let value: unknown;
      try {
        value = await this.run(trigger, event);
      } catch (error) {
        if (error instanceof FunctionTimeoutError) {
          // A platform-level error: Forge retries it on the app's behalf.
          record.outcome = 'timeout';
          this.retry(trigger, payload, pageId, retryCount, record, { afterSeconds: backoffSeconds(retryCount + 1), reason: 'FUNCTION_TIME_OUT' });
          return;
        }
        // An app error is logged, not retried: only a returned InvocationError asks for a retry.
        record.outcome = 'error';
        record.reason = error instanceof Error ? error.message : String(error);
        return;
      }
      const requested = retryRequestOf(value);
      if (requested === undefined) return;
      record.outcome = 'retry';
      const carried = retryDataOf(requested.retryData);
      if (carried === undefined) {
        record.reason = `retryData exceeds ${MAX_RETRY_DATA_BYTES} bytes`;
        return;
      }
      this.retry(trigger, payload, pageId, retryCount, record, { afterSeconds: requested.retryAfterSeconds, reason: requested.retryReason, ...carried });
    });
  }

  private retry(trigger: TriggerDef, payload: JsonObject, pageId: string, retryCount: number, record: TriggerDelivery, retry: Retry): void {
    if (retryCount >= MAX_TRIGGER_RETRIES) {
      record.reason = 'retry limit reached';
      return;
    }
    const retryContext = { retryCount: retryCount + 1, retryReason: retry.reason, ...(retry.data === undefined ? {} : { retryData: retry.data }) };
    this.inFlight += 1;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.inFlight -= 1;
      this.attempt(trigger, payload, pageId, retryCount + 1, retryContext);
    }, retry.afterSeconds * 1000 * this.options.timeScale());
    timer.unref();
    this.timers.add(timer);
  }

  deliveries(): TriggerDelivery[] {
    return [...this.log];
  }

  clear(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.inFlight -= this.timers.size;
    this.timers.clear();
    this.log = [];
    this.activity.notify();
  }
}
