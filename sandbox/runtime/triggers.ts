import { type Activity } from './activity';
import { PAGE_EVENT_SCOPE, pageUpdatedPayload, updatedEventType } from './confluence-events';
import { type ConfluencePort, type PageUpdatedEvent } from './confluence-port';
import { outsideInvocation } from './invocation-context';
import { type AppManifest, type TriggerDef } from './manifest';
import { retryRequestOf } from './retry';
import { type JsonObject } from './types';

/** Product-event triggers may ask for a retry (InvocationError) at most four times. */
export const MAX_TRIGGER_RETRIES = 4;

export type RunTrigger = (trigger: TriggerDef, event: Record<string, unknown>) => Promise<unknown>;

export interface TriggerOptions {
  /**
   * Forge documents `filter.ignoreSelf` as working only for Jira events, so by default the app's
   * own Confluence edits reach its triggers, as in production. Turn on to model a platform
   * that also filters Confluence events.
   */
  ignoreSelfOnConfluence: boolean;
  timeScale: () => number;
}

export interface TriggerDelivery {
  triggerKey: string;
  eventType: string;
  pageId: string;
  retryCount: number;
  outcome: 'ok' | 'retry' | 'error' | 'skipped';
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
    const fromApp = event.editorAccountId === this.confluence().appAccountId;
    this.track(async () => {
      const payload = await pageUpdatedPayload(this.confluence(), event);
      for (const trigger of subscribed) {
        if (fromApp && trigger.ignoreSelf && this.options.ignoreSelfOnConfluence) {
          this.log.push({ triggerKey: trigger.key, eventType, pageId: event.pageId, retryCount: 0, outcome: 'skipped', reason: 'ignoreSelf' });
          continue;
        }
        this.attempt(trigger, payload, event.pageId, 0, undefined);
      }
    });
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
        // An app error is logged, not retried: only InvocationError asks the platform to retry.
        record.outcome = 'error';
        record.reason = error instanceof Error ? error.message : String(error);
        return;
      }
      const retry = retryRequestOf(value);
      if (retry === undefined) return;
      record.outcome = 'retry';
      if (retryCount >= MAX_TRIGGER_RETRIES) {
        record.reason = 'retry limit reached';
        return;
      }
      this.inFlight += 1;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.inFlight -= 1;
        this.attempt(trigger, payload, pageId, retryCount + 1, { retryCount: retryCount + 1, retryReason: retry.retryReason, retryData: retry.retryData });
      }, retry.retryAfterSeconds * 1000 * this.options.timeScale());
      timer.unref();
      this.timers.add(timer);
    });
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
