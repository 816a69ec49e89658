import { type Sandbox } from '../index';
import { type ProcessClock } from './process-clock';
import { type TokenStore } from './token-store';
import { type WebAssets } from './web/web-assets';

/**
 * What the handlers act on: one sandbox (the app + the demo site), the REST API tokens, the
 * browser shell's bundles, and the process clock the clock control shifts.
 */
export interface ServerDeps {
  sandbox: Sandbox;
  clock: ProcessClock;
  tokens: TokenStore;
  web: WebAssets;
}
