import { type Sandbox } from '../index';
import { type TokenStore } from './token-store';
import { type WebAssets } from './web/web-assets';

/** What the handlers act on: one sandbox (the app + the demo site), the REST API tokens, the browser shell's bundles. */
export interface ServerDeps {
  sandbox: Sandbox;
  tokens: TokenStore;
  web: WebAssets;
}
