/**
 * The server's view of the demo site. The runtime only knows Confluence through a structural
 * port; listing users and page trees needs the emulator's inspection helpers, so this is the
 * one place that narrows the port to the emulator.
 */
import { type Sandbox } from '../index';
import { ConfluenceEmulator, DEMO_PERSONAS } from '../confluence';
import { HttpError } from './http-io';

export interface SandboxUser {
  accountId: string;
  displayName: string;
  email: string;
  groups: string[];
  /** What the person does in the demo; null for accounts the seed did not describe. */
  role: string | null;
  tryThis: string | null;
}

export function siteOf(sandbox: Sandbox): ConfluenceEmulator {
  const site = sandbox.confluence;
  if (!(site instanceof ConfluenceEmulator)) throw new Error('The sandbox server needs the Confluence emulator of sandbox/confluence');
  return site;
}

export function listUsers(sandbox: Sandbox): SandboxUser[] {
  const site = siteOf(sandbox);
  return site.users().map((user) => {
    const persona = DEMO_PERSONAS.find((candidate) => candidate.accountId === user.accountId);
    return {
      accountId: user.accountId,
      displayName: user.displayName,
      email: user.email,
      groups: site.groupsOf(user.accountId).map((group) => group.name),
      role: persona?.role ?? null,
      tryThis: persona?.tryThis ?? null,
    };
  });
}

/**
 * Control endpoints act as a person of the site; an account Confluence does not know is a
 * mistake in the request (the gateway would never hand the app such a principal).
 */
export function requireUser(sandbox: Sandbox, accountId: string): void {
  if (!siteOf(sandbox).users().some((user) => user.accountId === accountId && user.active)) {
    throw new HttpError(400, 'UNKNOWN_USER', `No user with accountId '${accountId}' on the demo site; GET /__sandbox/users lists them`);
  }
}
