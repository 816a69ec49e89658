/** The server's whole HTTP surface in one table (docs/sandbox-runtime.md describes each route). */
import { clearOps, getOps } from './handlers/ops';
import { drainSandbox, resetSandbox } from './handlers/control';
import { editPage } from './handlers/pages';
import { homePage } from './handlers/home';
import { iconSvg, moduleAsset, moduleFrame, shellApp, shellAsset, shellPage } from './handlers/shell';
import { invokeResolver } from './handlers/invoke';
import { callApi, mintToken } from './handlers/tokens';
import { addGroup, addGroupMembers, addUser, getUsers } from './handlers/users';
import { advanceClock, getClock } from './handlers/clock';
import { armFault, clearFaults } from './handlers/faults';
import { getQueue, setDuplicateDelivery } from './handlers/queue';
import { runScheduledTrigger } from './handlers/scheduled';
import { proxyWiki } from './handlers/wiki';
import { type ServerDeps } from './deps';
import { type Route } from './router';

export function sandboxRoutes(deps: ServerDeps, dataDir: string | null): Route[] {
  return [
    { method: 'GET', pattern: '/', handle: () => shellPage(deps, dataDir) },
    { method: 'GET', pattern: '/__sandbox/overview', handle: () => homePage(deps, dataDir) },
    { method: 'GET', pattern: '/__shell/app', handle: () => shellApp(deps) },
    { method: 'GET', pattern: '/__shell/assets/:file', handle: (ctx) => shellAsset(deps, ctx) },
    { method: 'GET', pattern: '/__shell/modules/:file', handle: (ctx) => moduleAsset(deps, ctx) },
    { method: 'GET', pattern: '/__shell/frame.html', handle: () => moduleFrame() },
    { method: 'GET', pattern: '/__shell/icons/:glyph', handle: (ctx) => iconSvg(deps, ctx) },
    { method: 'GET', pattern: '/__sandbox/users', handle: () => getUsers(deps) },
    { method: 'POST', pattern: '/__sandbox/users', handle: (ctx) => addUser(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/groups', handle: (ctx) => addGroup(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/groups/:id/members', handle: (ctx) => addGroupMembers(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/scheduled/:key/run', handle: (ctx) => runScheduledTrigger(deps, ctx) },
    { method: 'GET', pattern: '/__sandbox/clock', handle: () => getClock(deps) },
    { method: 'POST', pattern: '/__sandbox/clock', handle: (ctx) => advanceClock(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/faults', handle: (ctx) => armFault(deps, ctx) },
    { method: 'DELETE', pattern: '/__sandbox/faults', handle: () => clearFaults(deps) },
    { method: 'GET', pattern: '/__sandbox/queue', handle: () => getQueue(deps) },
    { method: 'POST', pattern: '/__sandbox/queue/duplicate-delivery', handle: (ctx) => setDuplicateDelivery(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/invoke', handle: (ctx) => invokeResolver(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/reset', handle: () => resetSandbox(deps) },
    { method: 'POST', pattern: '/__sandbox/drain', handle: (ctx) => drainSandbox(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/pages/:id/edit', handle: (ctx) => editPage(deps, ctx) },
    { method: 'POST', pattern: '/__sandbox/tokens', handle: (ctx) => mintToken(deps, ctx) },
    { method: '*', pattern: '/__sandbox/api/*', handle: (ctx) => callApi(deps, ctx) },
    { method: 'GET', pattern: '/__sandbox/ops', handle: (ctx) => getOps(deps, ctx) },
    { method: 'DELETE', pattern: '/__sandbox/ops', handle: () => clearOps(deps) },
    { method: '*', pattern: '/wiki/*', handle: (ctx) => proxyWiki(deps, ctx) },
  ];
}
