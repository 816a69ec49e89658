/**
 * The shell's calls to the sandbox server: Confluence through `/wiki` as the acting user (the
 * same API the app's front ends reach), and the sandbox's own controls.
 */
import { type SandboxUser } from '../../server/site';
import { type ShellAppInfo } from '../uikit/app-types';
import { ACT_AS_HEADER, errorMessageOf } from '../uikit/http-backend';

export class RequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

async function jsonOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw new RequestError(response.status, await errorMessageOf(response));
  return (await response.json()) as T;
}

/** Confluence's `{errors: [{title}]}` / `{message}` bodies and the sandbox's own are all read by errorMessageOf. */
export async function wiki<T>(accountId: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', [ACT_AS_HEADER]: accountId };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  return jsonOf<T>(response);
}

export type { SandboxUser } from '../../server/site';

export async function fetchUsers(): Promise<SandboxUser[]> {
  return (await jsonOf<{ users: SandboxUser[] }>(await fetch('/__sandbox/users'))).users;
}

export async function fetchApp(): Promise<ShellAppInfo> {
  return jsonOf<ShellAppInfo>(await fetch('/__shell/app'));
}

export async function resetSite(): Promise<void> {
  await jsonOf<unknown>(await fetch('/__sandbox/reset', { method: 'POST' }));
}

export interface EditedPage {
  id: string;
  spaceId: string;
  title: string;
  version: number;
}

export async function editPage(pageId: string, accountId: string, change: { title: string; body: string }): Promise<EditedPage> {
  const response = await fetch(`/__sandbox/pages/${encodeURIComponent(pageId)}/edit`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ accountId, ...change }),
  });
  return jsonOf<EditedPage>(response);
}
