/**
 * The Confluence emulator as the runtime uses it (sandbox/confluence builds the real one).
 * The runtime depends on the contract in sandbox/confluence/types.ts, not on the implementation.
 */
import type { ConfluenceRequest, ConfluenceResponse, PageUpdatedEvent } from '../confluence/types';

export type { ConfluenceActor, ConfluenceRequest, ConfluenceResponse, PageUpdatedEvent } from '../confluence/types';

export interface ConfluencePort {
  handle(req: ConfluenceRequest): Promise<ConfluenceResponse>;
  onPageUpdated(listener: (e: PageUpdatedEvent) => void): () => void;
  /** Null when Confluence announces nothing for the edit (a draft, a live doc). */
  editPage(pageId: string, accountId: string, change: { title?: string; body?: string; minorEdit?: boolean }): PageUpdatedEvent | null;
  snapshot(): unknown;
  readonly appAccountId: string;
}

/** The emulator class's static side, needed to restore a persisted or initial state. */
export interface ConfluenceFactory {
  seeded(): ConfluencePort;
  restore(state: unknown): ConfluencePort;
}

export function isConfluenceFactory(value: unknown): value is ConfluenceFactory {
  return (
    typeof value === 'function' &&
    typeof (value as unknown as Record<string, unknown>).seeded === 'function' &&
    typeof (value as unknown as Record<string, unknown>).restore === 'function'
  );
}

/** The static side of an emulator instance, found through its constructor. */
export function factoryOf(instance: ConfluencePort): ConfluenceFactory | undefined {
  const ctor: unknown = Object.getPrototypeOf(instance)?.constructor;
  return isConfluenceFactory(ctor) ? ctor : undefined;
}
