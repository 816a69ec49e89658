/**
 * What a Node realm lacks, compared with the frame UI Kit runs an app in, for the unmodified
 * @forge/react and @forge/bridge to work:
 * - `self`: the reconciler reaches the bridge through `self.__bridge`;
 * - a document URL: @forge/bridge builds every product request as `new Request('', init)`
 *   (only to normalise body and headers), which a browser resolves against the frame's address
 *   and Node refuses ("Failed to parse URL"). Requests are given the site as their base.
 */
const FRAME_REQUEST = Symbol.for('approvalflow.ui-host.frameRequest');

export function prepareNodeRealm(realm: Record<string, unknown>, frameUrl: string): void {
  if (realm.self === undefined) realm.self = realm;
  const current = realm.Request;
  if (typeof current !== 'function' || FRAME_REQUEST in current) return;
  const NodeRequest = current as typeof Request;
  class FrameRequest extends NodeRequest {
    static readonly [FRAME_REQUEST] = true;
    constructor(input: RequestInfo | URL, init?: RequestInit) {
      super(typeof input === 'string' ? new URL(input, frameUrl).href : input, init);
    }
  }
  realm.Request = FrameRequest;
}
