/**
 * The page's flags (bottom left, newest on top), drawn as ADS flags are: a raised card with a
 * coloured status icon, a title, a description and link-style actions. @atlaskit/flag is not
 * installed, so this is its anatomy with ADS tokens.
 */
import { type ReactElement, useEffect } from 'react';
import { IconButton } from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { Glyph } from '../uikit/components/icon';
import { type ShellFlag, useShell } from './shell-context';

const AUTO_DISMISS_MS = 8000;

const LOOK: Readonly<Record<string, { glyph: string; colour: string }>> = {
  success: { glyph: 'status-success', colour: token('color.icon.success') },
  error: { glyph: 'status-error', colour: token('color.icon.danger') },
  warning: { glyph: 'status-warning', colour: token('color.icon.warning') },
  info: { glyph: 'status-information', colour: token('color.icon.information') },
  normal: { glyph: 'status-information', colour: token('color.icon.information') },
};

function Flag({ flag }: { flag: ShellFlag }): ReactElement {
  const { closeFlag } = useShell();
  const look = LOOK[flag.type] ?? LOOK.info;
  useEffect(() => {
    if (!flag.isAutoDismiss) return;
    const timer = setTimeout(() => closeFlag(flag.id), AUTO_DISMISS_MS);
    return () => clearTimeout(timer);
  }, [flag.id, flag.isAutoDismiss, closeFlag]);
  return (
    <div
      role="alert"
      data-testid="flag"
      data-flag-type={flag.type}
      style={{
        width: 400,
        boxSizing: 'border-box',
        display: 'flex',
        gap: token('space.200'),
        padding: token('space.200'),
        backgroundColor: token('elevation.surface.overlay'),
        boxShadow: token('elevation.shadow.overlay'),
        borderRadius: token('border.radius'),
        color: token('color.text'),
      }}
    >
      <span style={{ paddingTop: 2 }}>
        <Glyph glyph={look.glyph} label={flag.type} size={16} color={look.colour} />
      </span>
      <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: token('space.100') }}>
        <div style={{ font: token('font.heading.xsmall') }}>{flag.title}</div>
        {flag.description !== undefined && flag.description !== '' && <div style={{ font: token('font.body') }}>{flag.description}</div>}
        {flag.actions.length > 0 && (
          <div style={{ display: 'flex', gap: token('space.200') }}>
            {flag.actions.map((action) => (
              <button
                key={action.text}
                type="button"
                onClick={action.onClick}
                style={{ all: 'unset', cursor: 'pointer', color: token('color.link'), font: token('font.body') }}
              >
                {action.text}
              </button>
            ))}
          </div>
        )}
      </div>
      <IconButton appearance="subtle" spacing="compact" label="Dismiss" icon={() => <Glyph glyph="cross" label="" size={16} />} onClick={() => closeFlag(flag.id)} />
    </div>
  );
}

export function Flags(): ReactElement {
  const { flags } = useShell();
  return (
    <div aria-live="polite" style={{ position: 'fixed', left: token('space.500'), bottom: token('space.500'), zIndex: 600, display: 'flex', flexDirection: 'column-reverse', gap: token('space.100') }}>
      {flags.map((flag) => (
        <Flag key={flag.id} flag={flag} />
      ))}
    </div>
  );
}
