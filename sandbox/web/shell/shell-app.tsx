/**
 * The Confluence-like page: top bar, space sidebar, and the view the URL names. Switching the
 * acting user or resetting the site re-reads everything as the new user sees it.
 */
import { type ReactElement, useCallback, useEffect, useMemo, useState } from 'react';
import Spinner from '@atlaskit/spinner';
import { token } from '@atlaskit/tokens';
import { type ShellAppInfo } from '../uikit/app-types';
import { type SandboxUser, fetchApp, fetchUsers } from './api';
import { GlobalAppPage, SpaceAppPage, SpaceSettingsPage } from './app-pages';
import { type Content, type Space } from './confluence-types';
import { editRouteOf, viewRouteOf } from './content';
import { Flags } from './flags';
import { Home } from './home';
import { PageEditor } from './page-editor';
import { PageVersionView } from './page-version';
import { PageView } from './page-view';
import { ProblemPage } from './problem-page';
import { type Route, pathOf, useRoute } from './routes';
import { useActingUser } from './session';
import { type Shell, type ShellFlag, ShellContext, useWiki } from './shell-context';
import { Sidebar } from './sidebar';
import { useSpace } from './space-data';
import { TopNav } from './top-nav';

function spaceKeyOf(route: Route): string | null {
  return 'spaceKey' in route ? route.spaceKey : null;
}

/**
 * `#/pages/10020` (how apps link to content, e.g. a `contentView` navigation) becomes the
 * content's address in its space; an id the page endpoint does not know may be a blog post's.
 */
function PageInSpace({ pageId, edit }: { pageId: string; edit: boolean }): ReactElement {
  const page = useWiki<Content>(`/wiki/api/v2/pages/${encodeURIComponent(pageId)}`);
  const blogPost = useWiki<Content>(page.error?.status === 404 ? `/wiki/api/v2/blogposts/${encodeURIComponent(pageId)}` : null);
  const type = blogPost.data === undefined ? 'page' : 'blogpost';
  const found = page.data ?? blogPost.data;
  const space = useWiki<Space>(found === undefined ? null : `/wiki/api/v2/spaces/${encodeURIComponent(found.spaceId)}`);
  useEffect(() => {
    if (space.data !== undefined) location.replace(`#${pathOf((edit ? editRouteOf : viewRouteOf)(type, space.data.key, pageId))}`);
  }, [space.data, pageId, edit, type]);
  if (page.error !== undefined && (page.error.status !== 404 || blogPost.error !== undefined)) return <PageView pageId={pageId} type="page" space={null} />;
  return <Spinner size="large" label="Opening page" />;
}

function SpaceView({ route, space }: { route: Route; space: Space }): ReactElement {
  switch (route.kind) {
    case 'space':
      return space.homepageId === null ? <ProblemPage testId="space-empty" title={space.name} detail="This space has no homepage." /> : <PageView pageId={space.homepageId} type="page" space={space} />;
    case 'page':
      return <PageView pageId={route.pageId} type="page" space={space} />;
    case 'edit':
      return <PageEditor pageId={route.pageId} type="page" spaceKey={space.key} />;
    case 'blogpost':
      return <PageView pageId={route.blogPostId} type="blogpost" space={space} />;
    case 'edit-blogpost':
      return <PageEditor pageId={route.blogPostId} type="blogpost" spaceKey={space.key} />;
    case 'space-settings':
      return <SpaceSettingsPage space={space} appRoute={route.appRoute} />;
    case 'space-app':
      return <SpaceAppPage space={space} appRoute={route.appRoute} />;
    default:
      return <ProblemPage testId="not-found" title="Page not found" detail="The sandbox has nothing at this address." />;
  }
}

function Main({ route }: { route: Route }): ReactElement {
  const spaceKey = spaceKeyOf(route);
  const space = useSpace(spaceKey);
  const frame = (sidebar: ReactElement | null, view: ReactElement): ReactElement => (
    <div style={{ display: 'grid', gridTemplateAreas: sidebar === null ? '"main"' : '"side main"', gridTemplateColumns: sidebar === null ? '1fr' : '280px minmax(0, 1fr)', minHeight: 0, height: '100%' }}>
      {sidebar}
      <main style={{ gridArea: 'main', overflowY: 'auto', padding: `${token('space.400')} ${token('space.500')}`, backgroundColor: token('elevation.surface') }}>{view}</main>
    </div>
  );
  if (spaceKey === null) {
    if (route.kind === 'page' || route.kind === 'edit') return frame(null, <PageInSpace pageId={route.pageId} edit={route.kind === 'edit'} />);
    if (route.kind === 'version') return frame(null, <PageVersionView pageId={route.pageId} version={route.version} />);
    if (route.kind === 'global-app') return frame(null, <GlobalAppPage appRoute={route.appRoute} />);
    if (route.kind === 'home') return frame(null, <Home />);
    return frame(null, <ProblemPage testId="not-found" title="Page not found" detail={`The sandbox has nothing at ${pathOf(route)}.`} />);
  }
  if (space.error !== undefined) return frame(null, <ProblemPage testId="space-error" title="This space could not be loaded" detail={space.error.message} />);
  if (space.data === undefined) return frame(null, <Spinner size="large" label="Loading space" />);
  if (space.data === null) return frame(null, <ProblemPage testId="space-not-found" title="Space not found" detail={`There is no space ${spaceKey}, or you don't have permission to view it.`} />);
  return frame(<Sidebar space={space.data} route={route} />, <SpaceView route={route} space={space.data} />);
}

export function ShellApp(): ReactElement {
  const route = useRoute();
  const [accountId, setAccountId] = useActingUser();
  const [app, setApp] = useState<ShellAppInfo | null>(null);
  const [users, setUsers] = useState<SandboxUser[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);
  const [flags, setFlags] = useState<ShellFlag[]>([]);

  useEffect(() => {
    Promise.all([fetchApp(), fetchUsers()]).then(
      ([loadedApp, loadedUsers]) => {
        setApp(loadedApp);
        setUsers(loadedUsers);
      },
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  }, [revision]);

  // Another person does not see the flags someone else's actions raised, as on a real site,
  // where each person has their own browser.
  const actAs = useCallback(
    (next: string) => {
      setFlags([]);
      setAccountId(next);
    },
    [setAccountId],
  );
  const refresh = useCallback(() => setRevision((value) => value + 1), []);
  const showFlag = useCallback((flag: ShellFlag) => setFlags((current) => [flag, ...current.filter((existing) => existing.id !== flag.id)]), []);
  const closeFlag = useCallback((id: string) => setFlags((current) => current.filter((flag) => flag.id !== id)), []);
  const shell = useMemo<Shell | null>(
    () => (app === null ? null : { app, users, accountId, setAccountId: actAs, revision, refresh, flags, showFlag, closeFlag }),
    [app, users, accountId, actAs, revision, refresh, flags, showFlag, closeFlag],
  );

  if (problem !== null) return <ProblemPage testId="shell-failed" title="The sandbox could not start" detail={problem} />;
  if (shell === null) return <Spinner size="large" label="Starting the sandbox" />;
  return (
    <ShellContext.Provider value={shell}>
      <div data-testid="shell" data-acting-user={accountId} style={{ display: 'grid', gridTemplateAreas: '"top" "body"', gridTemplateRows: '56px minmax(0, 1fr)', height: '100vh' }}>
        <TopNav />
        <div style={{ gridArea: 'body', minHeight: 0 }} key={`${accountId}|${revision}`}>
          <Main route={route} />
        </div>
      </div>
      <Flags />
    </ShellContext.Provider>
  );
}
