/**
 * Confluence's top bar: the product logo (home), the Spaces and Apps menus, and the sandbox's
 * own controls on the right: who you act as (with what that person is for in the demo), and
 * Reset, which puts the whole site back to the seed after a confirmation.
 */
import { type ReactElement, useState } from 'react';
import Avatar from '@atlaskit/avatar';
import Button from '@atlaskit/button/new';
import DropdownMenu, { DropdownItem, DropdownItemGroup } from '@atlaskit/dropdown-menu';
import { ConfluenceLogo } from '@atlaskit/logo';
import Modal, { ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition } from '@atlaskit/modal-dialog';
import Select from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { avatarUrl } from '../common/avatar';
import { type SandboxUser, resetSite } from './api';
import { type Space, type Results } from './confluence-types';
import { hrefOf, navigate } from './routes';
import { useShell, useWiki } from './shell-context';

interface UserOption {
  label: string;
  value: string;
  user: SandboxUser;
}

function UserOptionLabel({ user, compact }: { user: SandboxUser; compact: boolean }): ReactElement {
  return (
    <span style={{ display: 'flex', alignItems: 'center', gap: token('space.100'), minWidth: 0 }}>
      <Avatar size="small" name={user.displayName} src={avatarUrl(user.displayName, user.accountId)} />
      <span style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}>
        <span style={{ font: token('font.body'), whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' }}>{user.displayName}</span>
        {!compact && user.role !== null && <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>{user.role}</span>}
      </span>
    </span>
  );
}

export function UserSwitcher(): ReactElement {
  const { users, accountId, setAccountId } = useShell();
  const options: UserOption[] = users.map((user) => ({ label: user.displayName, value: user.accountId, user }));
  const current = options.find((option) => option.value === accountId) ?? null;
  return (
    <div data-testid="user-switcher" data-account-id={accountId} title={current?.user.tryThis ?? undefined} style={{ width: 260 }}>
      <Select<UserOption>
        inputId="acting-user"
        aria-label="Act as"
        options={options}
        value={current}
        isSearchable
        spacing="compact"
        menuPortalTarget={document.body}
        styles={{ menuPortal: (base) => ({ ...base, zIndex: 700 }) }}
        formatOptionLabel={(option, meta) => <UserOptionLabel user={option.user} compact={meta.context === 'value'} />}
        onChange={(option) => {
          if (option !== null) setAccountId(option.value);
        }}
      />
    </div>
  );
}

function ResetControl(): ReactElement {
  const { refresh, showFlag } = useShell();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const reset = async (): Promise<void> => {
    setBusy(true);
    try {
      await resetSite();
      showFlag({ id: `reset-${Date.now()}`, title: 'The sandbox is back to its seed', description: 'Spaces, pages, app storage and the queue are as on first start.', type: 'success', actions: [], isAutoDismiss: true, source: 'shell' });
      refresh();
    } catch (error) {
      showFlag({ id: `reset-failed-${Date.now()}`, title: 'Reset failed', description: error instanceof Error ? error.message : String(error), type: 'error', actions: [], isAutoDismiss: false, source: 'shell' });
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <>
      <Button appearance="subtle" testId="reset-button" onClick={() => setConfirming(true)}>
        Reset
      </Button>
      <ModalTransition>
        {confirming && (
          <Modal onClose={() => setConfirming(false)} width="small" testId="reset-dialog">
            <ModalHeader>
              <ModalTitle appearance="warning">Reset the sandbox?</ModalTitle>
            </ModalHeader>
            <ModalBody>Every space, page, edit and everything the app stored goes back to the seed. This cannot be undone.</ModalBody>
            <ModalFooter>
              <Button appearance="subtle" onClick={() => setConfirming(false)}>
                Cancel
              </Button>
              <Button appearance="warning" isLoading={busy} testId="reset-confirm" onClick={() => void reset()}>
                Reset
              </Button>
            </ModalFooter>
          </Modal>
        )}
      </ModalTransition>
    </>
  );
}

function SpacesMenu(): ReactElement {
  const spaces = useWiki<Results<Space>>('/wiki/api/v2/spaces?limit=250&sort=name');
  return (
    <DropdownMenu trigger="Spaces" shouldRenderToParent testId="spaces-menu">
      <DropdownItemGroup title="Spaces you can see">
        {(spaces.data?.results ?? []).map((space) => (
          <DropdownItem key={space.id} href={hrefOf({ kind: 'space', spaceKey: space.key })}>
            {space.name}
          </DropdownItem>
        ))}
      </DropdownItemGroup>
    </DropdownMenu>
  );
}

function AppsMenu(): ReactElement | null {
  const { app } = useShell();
  const globalPages = app.modules.filter((module) => module.type === 'confluence:globalPage' && module.route !== null);
  if (globalPages.length === 0) return null;
  return (
    <DropdownMenu trigger="Apps" shouldRenderToParent testId="apps-menu">
      <DropdownItemGroup title="Apps">
        {globalPages.map((module) => (
          <DropdownItem key={module.key} onClick={() => navigate({ kind: 'global-app', appRoute: module.route ?? '' })}>
            {module.title}
          </DropdownItem>
        ))}
      </DropdownItemGroup>
    </DropdownMenu>
  );
}

export function TopNav(): ReactElement {
  return (
    <header
      style={{
        gridArea: 'top',
        display: 'flex',
        alignItems: 'center',
        gap: token('space.100'),
        padding: `0 ${token('space.200')}`,
        height: 56,
        borderBottom: `1px solid ${token('color.border')}`,
        backgroundColor: token('elevation.surface'),
      }}
    >
      <a href={hrefOf({ kind: 'home' })} aria-label="Confluence home" style={{ display: 'flex', alignItems: 'center', marginRight: token('space.150') }}>
        <ConfluenceLogo appearance="brand" size="small" />
      </a>
      <SpacesMenu />
      <AppsMenu />
      <span style={{ marginLeft: token('space.100'), padding: `${token('space.025')} ${token('space.100')}`, borderRadius: token('border.radius'), backgroundColor: token('color.background.accent.purple.subtlest'), color: token('color.text.accent.purple'), font: token('font.body.small') }}>
        Sandbox · no Atlassian account
      </span>
      <div style={{ flex: 1 }} />
      <span style={{ font: token('font.body.small'), color: token('color.text.subtle') }}>Acting as</span>
      <UserSwitcher />
      <ResetControl />
    </header>
  );
}
