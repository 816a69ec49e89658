/** What `GET /__shell/app` answers (sandbox/server/handlers/shell.ts): the app's UI modules and the site. */
import type { ShellApp } from '../../server/web/app-modules';
import { type SiteIdentity } from '../../ui-host/types';

export type { ShellModule, ShellModuleType } from '../../server/web/app-modules';

export interface ShellAppInfo extends ShellApp {
  site: SiteIdentity;
  scopes: string[];
}
