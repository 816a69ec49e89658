/**
 * The sandbox server started in-process for a suite (port 0, a temporary data directory), with
 * the few HTTP calls journeys make besides the browser's: reset, the op log, /wiki as someone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from '../../../sandbox/server';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
/** A tiny UI Kit app for the shell's own journeys (test/e2e/fixtures/app-shell). */
export const FIXTURE_APP = resolve(__dirname, '..', 'fixtures', 'app-shell');

export interface OpsSummary {
  counts: Record<string, number>;
  invocations: { kind: string; moduleKey?: string; functionKey?: string }[];
}

export interface E2EServer {
  url: string;
  /** Demo site, storage and queue back to the seed. */
  reset(): Promise<void>;
  /** Waits until queue consumers and triggers are idle. */
  drain(): Promise<void>;
  ops(): Promise<OpsSummary>;
  clearOps(): Promise<void>;
  /** A Confluence call as `accountId`, through the server's /wiki, as the shell makes them. */
  wiki<T>(accountId: string, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
}

export async function startE2EServer(appRoot: string = REPO_ROOT): Promise<E2EServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'approvalflow-e2e-'));
  const server = await startServer({ appRoot, dataDir, port: 0 });
  return {
    url: server.url,
    async reset() {
      await expectOk(await fetch(`${server.url}/__sandbox/reset`, { method: 'POST' }), 'reset');
    },
    async drain() {
      await expectOk(await fetch(`${server.url}/__sandbox/drain`, { method: 'POST' }), 'drain');
    },
    async ops() {
      const response = await fetch(`${server.url}/__sandbox/ops`);
      await expectOk(response.clone(), 'ops');
      return (await response.json()) as OpsSummary;
    },
    async clearOps() {
      await expectOk(await fetch(`${server.url}/__sandbox/ops`, { method: 'DELETE' }), 'clear ops');
    },
    async wiki<T>(accountId: string, method: string, path: string, body?: unknown) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { accept: 'application/json', 'x-sandbox-user': accountId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
    },
    async close() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
