/**
 * People: User (avatar and name; inside Text, an inline mention), UserGroup (overlapping
 * avatars with the names on hover), Avatar, and UserPicker, which searches Confluence's users
 * as the viewing user (`/wiki/rest/api/search/user`), as the product's own picker does.
 */
import { type ReactElement, createContext, useContext, useEffect, useState } from 'react';
import Avatar from '@atlaskit/avatar';
import { ErrorMessage, HelperMessage, Label, RequiredAsterisk } from '@atlaskit/form';
import { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import Tooltip from '@atlaskit/tooltip';
import { isRecord } from '../../../ui-host/forge-doc';
import { avatarUrl } from '../../common/avatar';
import { type Person, personOf, usePerson } from '../people';
import { booleanOf, handlerOf, oneOf, stringOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';

const InGroup = createContext(false);

function PersonChip({ accountId, hideName }: { accountId: string; hideName: boolean }): ReactElement {
  const person = usePerson(accountId);
  const inGroup = useContext(InGroup);
  const name = person?.displayName ?? 'Unknown user';
  const avatar = <Avatar size="small" name={name} src={person?.avatar ?? avatarUrl('?', accountId)} />;
  if (inGroup) return <Tooltip content={name}>{avatar}</Tooltip>;
  return (
    <span data-account-id={accountId} style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.050'), verticalAlign: 'middle' }}>
      {avatar}
      {!hideName && <span>{name}</span>}
    </span>
  );
}

export const UserView: UiKitComponent = ({ node }) => <PersonChip accountId={stringOf(node, 'accountId') ?? ''} hideName={booleanOf(node, 'hideDisplayName') === true} />;

export const UserGroupView: UiKitComponent = ({ children }) => (
  <InGroup.Provider value>
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.025') }}>{children}</span>
  </InGroup.Provider>
);

const AVATAR_SIZES = ['xsmall', 'small', 'medium', 'large', 'xlarge', 'xxlarge'] as const;

export const AvatarView: UiKitComponent = ({ node }) => {
  const name = stringOf(node, 'name') ?? '';
  return (
    <Avatar
      name={name}
      src={stringOf(node, 'src') ?? (name === '' ? undefined : avatarUrl(name))}
      size={oneOf(node, 'size', AVATAR_SIZES)}
      appearance={oneOf(node, 'appearance', ['circle', 'square', 'hexagon'] as const)}
      label={stringOf(node, 'label')}
    />
  );
};

interface PersonOption {
  label: string;
  value: string;
  person: Person;
}

/** What UI Kit hands the app for a picked user. */
function pickedUser(option: PersonOption): Record<string, string> {
  return { id: option.person.accountId, name: option.person.displayName, email: option.person.email, avatarUrl: option.person.picturePath, type: 'user' };
}

function optionOf(person: Person): PersonOption {
  return { label: person.displayName, value: person.accountId, person };
}

/**
 * A picked person in a multi picker is a chip ADS Select caps at 11.25rem (180 px, with its
 * remove button; @atlaskit/react-select components/multi-value): the name alone, as a tag reads,
 * keeps a whole name in it; the list and a single value show the avatar.
 */
function formatOption(option: PersonOption, meta: { context: 'menu' | 'value' }, isMulti: boolean): ReactElement {
  if (isMulti && meta.context === 'value') return <span>{option.label}</span>;
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100') }}>
      <Avatar size="xsmall" name={option.label} src={option.person.avatar} />
      {option.label}
    </span>
  );
}

function accountIds(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export const UserPickerView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const isMulti = booleanOf(node, 'isMulti') === true;
  const [selected, setSelected] = useState<PersonOption[]>([]);
  const defaults = accountIds(node.props.defaultValue).join(',');

  useEffect(() => {
    if (defaults === '') return;
    let current = true;
    void Promise.all(defaults.split(',').map((id) => runtime.product<unknown>(`/wiki/rest/api/user?accountId=${encodeURIComponent(id)}`))).then((users) => {
      if (current) setSelected(users.map(personOf).filter((person): person is Person => person !== null).map(optionOf));
    });
    return () => {
      current = false;
    };
  }, [defaults, runtime]);

  const search = async (query: string): Promise<PersonOption[]> => {
    const cql = `user.fullname ~ "${query.replace(/["\\]/g, '')}"`;
    const found = await runtime.product<unknown>(`/wiki/rest/api/search/user?cql=${encodeURIComponent(cql)}`);
    const results = isRecord(found) && Array.isArray(found.results) ? found.results : [];
    return results
      .map((result: unknown) => (isRecord(result) ? personOf(result.user) : null))
      .filter((person): person is Person => person !== null)
      .map(optionOf);
  };

  const id = stringOf(node, 'id') ?? `${node.key}-user-picker`;
  const label = stringOf(node, 'label');
  const description = stringOf(node, 'description');
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      {label !== undefined && (
        <Label htmlFor={id}>
          {label}
          {booleanOf(node, 'isRequired') === true && <RequiredAsterisk />}
        </Label>
      )}
      <AsyncSelect<PersonOption, boolean>
        inputId={id}
        name={stringOf(node, 'name')}
        isMulti={isMulti}
        cacheOptions
        defaultOptions
        loadOptions={search}
        value={isMulti ? selected : (selected[0] ?? null)}
        placeholder={stringOf(node, 'placeholder') ?? 'Search for a person'}
        formatOptionLabel={(option, meta) => formatOption(option, meta, isMulti)}
        isInvalid={booleanOf(node, 'isInvalid')}
        menuPortalTarget={document.body}
        styles={{ menuPortal: (base) => ({ ...base, zIndex: 1000 }) }}
        onChange={(picked) => {
          const options: PersonOption[] = picked === null ? [] : Array.isArray(picked) ? [...(picked as PersonOption[])] : [picked as PersonOption];
          setSelected(options);
          void runtime.call(handlerOf(node, 'onChange'), isMulti ? options.map(pickedUser) : options.length === 0 ? null : pickedUser(options[0]));
        }}
      />
      {description !== undefined && <HelperMessage>{description}</HelperMessage>}
      {booleanOf(node, 'isInvalid') === true && stringOf(node, 'errorMessage') !== undefined && <ErrorMessage>{stringOf(node, 'errorMessage')}</ErrorMessage>}
    </div>
  );
};
