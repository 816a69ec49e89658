/**
 * The UI Kit host: runs an app's real @forge/react front end outside Forge by answering the
 * bridge commands UI Kit and @forge/bridge send. See docs/sandbox-runtime.md, "UI Kit host".
 * `sandbox-backend` and `node-realm` are for Node; everything else runs in the browser too.
 */
export { createBridgeHost, type BridgeHost, type BridgeHostOptions, type CallBridge } from './bridge-host';
export { BridgeRouter, bridgeRouterFor } from './bridge-router';
export { CONTENT_PROPERTY_UPDATED, type ContentPropertyUpdate, contentPropertyUpdateOf, isRefreshable } from './byline-updates';
export {
  type ForgeDoc,
  type PropHandler,
  type TextMatcher,
  FIELD_TYPES,
  ancestry,
  describeMatcher,
  findByLabel,
  findByText,
  findByType,
  handlerProp,
  isForgeDoc,
  isHandler,
  isRecord,
  outline,
  stringProp,
  textOf,
  walk,
} from './forge-doc';
export { type HistoryAction, type HistoryLocation, type MemoryHistory, createMemoryHistory } from './memory-history';
export { prepareNodeRealm } from './node-realm';
export { type BridgeFetchResponse, type ProductFetchPayload, parseProductFetch, toBridgeResponse } from './product-fetch';
export { type SandboxModuleOptions, createSandboxBridgeHost, sandboxBackend } from './sandbox-backend';
export type {
  BridgeBackend,
  BridgeHostHooks,
  EmittedEvent,
  ExtensionContext,
  FlagAction,
  FlagRecord,
  InvocationRecord,
  NavigationRecord,
  ProductRequestInit,
  ProductRequestRecord,
  ProductResponse,
  RuntimePermissions,
  SiteIdentity,
} from './types';
export { type SerialisableEvent, blurEvent, checkedChangeEvent, clickEvent, radioChangeEvent, textChangeEvent } from './ui-events';
