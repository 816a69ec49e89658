/**
 * `startServer()` puts one sandbox (the app in `appRoot` + the seeded demo site) behind
 * node:http. The CLI (sandbox/server.ts) and the black-box tests both start it this way.
 */
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { type StorageOptions, createSandbox } from '../index';
import { ConfluenceEmulator } from '../confluence';
import { type ServerDeps } from './deps';
import { ProcessClock } from './process-clock';
import { HttpError, type Reply, errorReply, parseJson, readBody, writeReply } from './http-io';
import { type RequestContext, type Route, matchRoute } from './router';
import { sandboxRoutes } from './routes';
import { TokenStore } from './token-store';
import { WebAssets } from './web/web-assets';

export interface StartServerOptions {
  /** Directory with the app's manifest.yml and src/. */
  appRoot: string;
  /** Where state (and minted tokens) survive restarts; in memory when absent. */
  dataDir?: string;
  /** Expired-value and index-lag behaviour of storage (npm start turns the lag on). */
  storage?: StorageOptions;
  /** 0 picks a free port (tests). */
  port: number;
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:8080`. */
  url: string;
  port: number;
  /** Stops accepting requests, then closes the sandbox (which flushes its state file). */
  close(): Promise<void>;
}

// The sandbox runs other people's code with everybody's permissions: never reachable off this machine.
const HOST = '127.0.0.1';
const CLOSE_GRACE_MS = 2_000;

function contextOf(req: IncomingMessage, url: URL, params: Record<string, string>, rest: string): RequestContext {
  let body: Promise<string> | undefined;
  const text = (): Promise<string> => (body ??= readBody(req));
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    params,
    rest,
    headers: req.headers,
    text,
    json: async () => parseJson(await text()),
  };
}

async function answer(routes: readonly Route[], req: IncomingMessage): Promise<Reply> {
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', `http://${HOST}`);
  const match = matchRoute(routes, method, url.pathname);
  if (match.kind === 'none') return errorReply(404, 'NOT_FOUND', `No route for ${method} ${url.pathname}; GET / lists the endpoints`);
  if (match.kind === 'method-not-allowed') {
    return errorReply(405, 'METHOD_NOT_ALLOWED', `${method} is not supported on ${url.pathname}; use ${match.allowed.join(' or ')}`, { allow: match.allowed.join(', ') });
  }
  try {
    return await match.route.handle(contextOf(req, url, match.params, match.rest));
  } catch (error) {
    if (error instanceof HttpError) return errorReply(error.status, error.code, error.message, error.headers);
    console.error(`sandbox server: ${method} ${url.pathname} failed`, error);
    return errorReply(500, 'INTERNAL', error instanceof Error ? error.message : String(error));
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const sandbox = await createSandbox({
    appRoot: options.appRoot,
    confluence: ConfluenceEmulator.seeded(),
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    ...(options.storage === undefined ? {} : { storage: options.storage }),
  });
  const web = new WebAssets(options.appRoot);
  const clock = new ProcessClock();
  let server: Server;
  let port: number;
  try {
    const deps: ServerDeps = { sandbox, clock, tokens: TokenStore.open(options.dataDir), web };
    const routes = sandboxRoutes(deps, options.dataDir ?? null);
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      void answer(routes, req)
        .then((reply) => writeReply(res, reply))
        .catch((error: unknown) => {
          // Only writing can fail here (e.g. a header the app returned that HTTP cannot carry).
          console.error(`sandbox server: could not answer ${req.method ?? ''} ${req.url ?? ''}`, error);
          if (res.headersSent) res.destroy();
          else writeReply(res, errorReply(500, 'INTERNAL', 'The response could not be written'));
        });
    });
    port = await listen(server, options.port);
  } catch (error) {
    sandbox.close();
    throw error;
  }
  let closing: Promise<void> | undefined;
  return {
    url: `http://${HOST}:${port}`,
    port,
    close: () =>
      (closing ??= new Promise<void>((resolve, reject) => {
        // Requests in flight get a moment to finish; idle keep-alive sockets would hold close() open.
        const cutoff = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
        server.close((error) => {
          clearTimeout(cutoff);
          clock.reset();
          sandbox.close();
          // esbuild's service process would otherwise outlive the server (and keep jest waiting).
          web.dispose().then(
            () => (error === undefined ? resolve() : reject(error)),
            (disposeError: unknown) => reject(error ?? disposeError),
          );
        });
        server.closeIdleConnections();
      })),
  };
}
