/**
 * The space's blog in the sidebar, as Confluence lists it beside the page tree: its published
 * blog posts, newest first, only those the acting user may see (the emulator answers per user).
 */
import { type ReactElement } from 'react';
import { token } from '@atlaskit/tokens';
import { Glyph } from '../uikit/components/icon';
import { type Content, type Results, type Space } from './confluence-types';
import { hrefOf } from './routes';
import { useWiki } from './shell-context';

const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

export function BlogList({ space, currentId }: { space: Space; currentId: string | null }): ReactElement | null {
  const posts = useWiki<Results<Content>>(`/wiki/api/v2/spaces/${encodeURIComponent(space.id)}/blogposts?sort=-created-date&limit=25`);
  if (posts.data === undefined || posts.data.results.length === 0) return null;
  return (
    <nav aria-label="Blog" data-testid="space-blog">
      <div style={{ font: token('font.heading.xxsmall'), color: token('color.text.subtlest'), padding: `${token('space.200')} ${token('space.100')} ${token('space.050')}` }}>Blog</div>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {posts.data.results.map((post) => {
          const current = post.id === currentId;
          return (
            <li key={post.id} data-testid="blog-post-item" data-content-id={post.id}>
              <a
                href={hrefOf({ kind: 'blogpost', spaceKey: space.key, blogPostId: post.id })}
                aria-current={current ? 'page' : undefined}
                title={`${post.title} · ${DATE.format(new Date(post.createdAt))}`}
                style={{
                  display: 'flex',
                  alignItems: 'center',
                  gap: token('space.050'),
                  height: 32,
                  padding: `0 ${token('space.100')}`,
                  borderRadius: token('border.radius'),
                  textDecoration: 'none',
                  font: token('font.body'),
                  color: current ? token('color.text.selected') : token('color.text.subtle'),
                  backgroundColor: current ? token('color.background.selected') : undefined,
                }}
              >
                <Glyph glyph="quotation-mark" label="blog post" size={16} />
                <span style={{ flex: 1, minWidth: 0, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{post.title}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
