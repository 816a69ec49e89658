import {
  type ConfluenceActor,
  type ConfluencePort,
  type ConfluenceRequest,
  type ConfluenceResponse,
  type PageUpdatedEvent,
} from '../../../sandbox';

/**
 * A minimal stand-in for sandbox/confluence with the same interface, for runtime tests that
 * must not depend on the emulator's data: it records who called what and answers a few
 * endpoints (current user, page read/update, space read).
 */
interface FakePage {
  id: string;
  spaceId: string;
  spaceKey: string;
  title: string;
  body: string;
  version: number;
  authorId: string;
}

interface FakeState {
  users: string[];
  pages: FakePage[];
}

export const APP_ACCOUNT = 'app-bot-0001';
export const ALICE = 'alice-0001';
export const BOB = 'bob-0002';

function json(status: number, body: unknown): ConfluenceResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

export class FakeConfluence implements ConfluencePort {
  readonly appAccountId = APP_ACCOUNT;
  readonly requests: Array<{ method: string; path: string; actor: ConfluenceActor }> = [];
  private readonly listeners = new Set<(event: PageUpdatedEvent) => void>();

  private constructor(private readonly state: FakeState) {}

  static seeded(): FakeConfluence {
    const users = Array.from({ length: 25 }, (_, i) => `user-${String(i).padStart(4, '0')}`);
    return new FakeConfluence({
      users: [ALICE, BOB, ...users],
      pages: [
        { id: '1001', spaceId: '77', spaceKey: 'ENG', title: 'Design', body: '<p>v1</p>', version: 1, authorId: ALICE },
        { id: '1002', spaceId: '77', spaceKey: 'ENG', title: 'Runbook', body: '<p>v1</p>', version: 1, authorId: BOB },
      ],
    });
  }

  static restore(state: unknown): FakeConfluence {
    return new FakeConfluence(structuredClone(state) as FakeState);
  }

  snapshot(): FakeState {
    return structuredClone(this.state);
  }

  page(id: string): FakePage | undefined {
    return this.state.pages.find((page) => page.id === id);
  }

  async handle(req: ConfluenceRequest): Promise<ConfluenceResponse> {
    this.requests.push({ method: req.method, path: req.path, actor: req.actor });
    if (req.actor.kind === 'user' && !this.state.users.includes(req.actor.accountId)) return json(401, { message: 'Unknown account' });
    const url = new URL(req.path, 'http://confluence.invalid');
    if (req.method === 'GET' && url.pathname === '/wiki/rest/api/user/current') {
      return json(200, req.actor.kind === 'app' ? { accountId: APP_ACCOUNT, accountType: 'app' } : { accountId: req.actor.accountId, accountType: 'atlassian' });
    }
    const pageMatch = /^\/wiki\/api\/v2\/pages\/([^/]+)$/.exec(url.pathname);
    if (pageMatch !== null) {
      const page = this.page(pageMatch[1]);
      if (page === undefined) return json(404, { errors: [{ status: 404, code: 'NOT_FOUND', title: 'Not Found' }] });
      if (req.method === 'GET') return json(200, { id: page.id, title: page.title, spaceId: page.spaceId, status: 'current', authorId: page.authorId, version: { number: page.version } });
      if (req.method === 'PUT') {
        const update = JSON.parse(req.body ?? '{}') as { title?: string };
        const editor = req.actor.kind === 'app' ? APP_ACCOUNT : req.actor.accountId;
        this.apply(page, editor, { title: update.title });
        return json(200, { id: page.id, title: page.title, version: { number: page.version } });
      }
    }
    const spaceMatch = /^\/wiki\/api\/v2\/spaces\/([^/]+)$/.exec(url.pathname);
    if (spaceMatch !== null && req.method === 'GET') return json(200, { id: spaceMatch[1], key: 'ENG', name: 'Engineering', type: 'global', status: 'current' });
    return json(404, { message: `No fake route for ${req.method} ${url.pathname}` });
  }

  onPageUpdated(listener: (event: PageUpdatedEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  editPage(pageId: string, accountId: string, change: { title?: string; body?: string }): PageUpdatedEvent {
    const page = this.page(pageId);
    if (page === undefined) throw new Error(`No page ${pageId}`);
    return this.apply(page, accountId, change);
  }

  private apply(page: FakePage, editor: string, change: { title?: string; body?: string }): PageUpdatedEvent {
    page.title = change.title ?? page.title;
    page.body = change.body ?? page.body;
    page.version += 1;
    const event: PageUpdatedEvent = { pageId: page.id, contentType: 'page', spaceId: page.spaceId, spaceKey: page.spaceKey, version: page.version, editorAccountId: editor, title: page.title, at: new Date().toISOString() };
    for (const listener of this.listeners) listener(event);
    return event;
  }
}
