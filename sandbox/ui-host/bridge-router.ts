/**
 * Lets several module instances share one JavaScript realm, as two users' views of a page do
 * in one test or the browser shell shows several modules. The two sides read the bridge
 * differently: @forge/bridge captures `globalThis.__bridge.callBridge` once, when it is first
 * imported, while @forge/react's reconciler looks up `self.__bridge` on every `reconcile`. So a
 * host is installed as *the* bridge while its module's code loads (each load imports a fresh
 * @forge/bridge), and afterwards a shared bridge sends each `reconcile` to the host that owns
 * the tree being reconciled.
 */
import { type BridgeHost, type CallBridge } from './bridge-host';
import { isRecord } from './forge-doc';

function treeOf(cmd: string, data: unknown): object | undefined {
  return cmd === 'reconcile' && isRecord(data) && isRecord(data.forgeDoc) ? data.forgeDoc : undefined;
}

export class BridgeRouter {
  private readonly hosts: BridgeHost[] = [];
  private readonly owners = new WeakMap<object, BridgeHost>();
  private readonly shared: { callBridge: CallBridge };

  constructor(private readonly realm: Record<string, unknown>) {
    this.shared = { callBridge: (cmd, data) => this.route(cmd, data) };
  }

  /** Loads a module's code with `host` as the bridge, then puts the shared bridge back. */
  async mount(host: BridgeHost, load: () => Promise<void>): Promise<void> {
    this.hosts.push(host);
    this.realm.__bridge = { callBridge: this.boundTo(host) };
    try {
      await load();
    } finally {
      this.realm.__bridge = this.shared;
    }
  }

  unmount(host: BridgeHost): void {
    const index = this.hosts.indexOf(host);
    if (index !== -1) this.hosts.splice(index, 1);
  }

  /** The bridge a module's @forge/bridge keeps for good: its own host, except for other trees. */
  private boundTo(host: BridgeHost): CallBridge {
    return (cmd, data) => {
      const tree = treeOf(cmd, data);
      if (tree === undefined) return host.callBridge(cmd, data);
      // While this module loads, an older module may re-render; its tree stays with its host.
      const owner = this.owners.get(tree);
      if (owner !== undefined && owner !== host) return owner.callBridge(cmd, data);
      this.owners.set(tree, host);
      return host.callBridge(cmd, data);
    };
  }

  private route(cmd: string, data: unknown): Promise<unknown> {
    const tree = treeOf(cmd, data);
    const owner = tree === undefined ? undefined : this.owners.get(tree);
    if (owner !== undefined) return owner.callBridge(cmd, data);
    // A first render after loading (an app that awaits something before ForgeReconciler.render)
    // belongs to the newest host that has not rendered yet.
    const host = [...this.hosts].reverse().find((candidate) => candidate.doc === undefined && !candidate.disposed) ?? this.hosts[this.hosts.length - 1];
    if (host === undefined) return Promise.reject(new Error(`UI Kit bridge: '${cmd}' was called but no module is mounted`));
    if (tree !== undefined) this.owners.set(tree, host);
    return host.callBridge(cmd, data);
  }
}

const routers = new WeakMap<object, BridgeRouter>();

/** One router per realm (`globalThis` in Node and in the browser). */
export function bridgeRouterFor(realm: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): BridgeRouter {
  let router = routers.get(realm);
  if (router === undefined) {
    router = new BridgeRouter(realm);
    routers.set(realm, router);
  }
  return router;
}
