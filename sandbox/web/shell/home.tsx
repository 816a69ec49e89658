/** Confluence's home: the spaces the acting user can see, and who else to try the app as. */
import { type ReactElement } from 'react';
import Avatar from '@atlaskit/avatar';
import Heading from '@atlaskit/heading';
import { token } from '@atlaskit/tokens';
import { avatarUrl } from '../common/avatar';
import { type Results, type Space } from './confluence-types';
import { hrefOf } from './routes';
import { useShell, useWiki } from './shell-context';

export function Home(): ReactElement {
  const { users, accountId, setAccountId } = useShell();
  const spaces = useWiki<Results<Space>>('/wiki/api/v2/spaces?limit=250&sort=name');
  return (
    <div data-testid="home" style={{ maxWidth: 960, margin: '0 auto', display: 'flex', flexDirection: 'column', gap: token('space.300') }}>
      <Heading size="xlarge" as="h1">
        Spaces
      </Heading>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: token('space.200') }}>
        {(spaces.data?.results ?? []).map((space) => (
          <a
            key={space.id}
            href={hrefOf({ kind: 'space', spaceKey: space.key })}
            data-testid="space-card"
            style={{ display: 'block', padding: token('space.200'), borderRadius: token('border.radius.200'), boxShadow: token('elevation.shadow.raised'), backgroundColor: token('elevation.surface.raised'), textDecoration: 'none', color: token('color.text') }}
          >
            <div style={{ font: token('font.heading.small') }}>{space.name}</div>
            <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{space.key}</div>
          </a>
        ))}
      </div>
      <Heading size="medium" as="h2">
        Try the app as…
      </Heading>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        {users.map((user) => (
          <li key={user.accountId} style={{ display: 'flex', gap: token('space.150'), alignItems: 'center' }}>
            <Avatar size="medium" name={user.displayName} src={avatarUrl(user.displayName, user.accountId)} />
            <div style={{ flex: 1 }}>
              <button
                type="button"
                onClick={() => setAccountId(user.accountId)}
                disabled={user.accountId === accountId}
                style={{ all: 'unset', cursor: user.accountId === accountId ? 'default' : 'pointer', font: token('font.heading.xsmall'), color: user.accountId === accountId ? token('color.text') : token('color.link') }}
              >
                {user.displayName}
                {user.accountId === accountId ? ' (you)' : ''}
              </button>
              <div style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>
                {user.role ?? user.groups.join(', ')}
                {user.tryThis === null ? '' : ` — ${user.tryThis}`}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
