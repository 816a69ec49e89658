import { type Sandbox } from '../index';
import { type TokenStore } from './token-store';

/** What the handlers act on: one sandbox (the app + the demo site) and the REST API tokens. */
export interface ServerDeps {
  sandbox: Sandbox;
  tokens: TokenStore;
}
