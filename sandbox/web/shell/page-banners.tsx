/**
 * The app's `confluence:pageBanner` modules, above a page's title as Confluence places them. The
 * extension context is the one the Forge docs list for the module (confluence-page-banner,
 * "Extension context": `content.{id, type, subtype}`, `space.{id, key}`, `location`). The docs
 * name pages, live docs and spaces as where banners show, not blog posts, so the shell shows
 * none on a blog post (docs/sandbox-runtime.md, "Undocumented"). `view.close()` dismisses a
 * banner until the page is opened again, as the docs' usage guidelines describe. A banner that
 * is loading or drew nothing takes no room, so pages without one look as without the app.
 */
import { type ReactElement, useState } from 'react';
import { token } from '@atlaskit/tokens';
import { AppModule } from './app-module';
import { type ContentType, type Space } from './confluence-types';
import { useShell } from './shell-context';

/** Shown once a banner's module drew something (its section holds more than the frame's holder), or failed. */
const DRAWN = '[data-testid="uikit-module"]:not([data-state="loading"]) > :nth-child(2)';
const HIDE_UNDRAWN = `[data-testid="page-banners"]:not(:has(${DRAWN})), [data-testid="page-banner"]:not(:has(${DRAWN})) { display: none; }`;

export function PageBanners({ content, space }: { content: { id: string; type: ContentType; subtype: string | null }; space: Space }): ReactElement | null {
  const { app } = useShell();
  const [closed, setClosed] = useState<string[]>([]);
  if (content.type !== 'page') return null;
  const modules = app.modules.filter((module) => module.type === 'confluence:pageBanner' && module.native && !closed.includes(module.key));
  if (modules.length === 0) return null;
  return (
    <div data-testid="page-banners" style={{ display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
      <style>{HIDE_UNDRAWN}</style>
      {modules.map((module) => (
        <div key={module.key} data-testid="page-banner" data-module-key={module.key}>
          <AppModule
            module={module}
            extensionContext={{
              type: 'confluence:pageBanner',
              content: { id: content.id, type: content.type, subtype: content.subtype },
              space: { id: space.id, key: space.key },
              location: window.location.href,
            }}
            onClose={() => setClosed((current) => [...current, module.key])}
          />
        </div>
      ))}
    </div>
  );
}
