/** Select: the app gets the picked option (or options) itself, as UI Kit passes them. */
import { type ComponentProps } from 'react';
import Select from '@atlaskit/select';
import { isRecord } from '../../../ui-host/forge-doc';
import { blurEvent } from '../../../ui-host/ui-events';
import { useFieldValue } from '../field-state';
import { arrayOf, booleanOf, handlerOf, oneOf, stringOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';

type SelectValue = ComponentProps<typeof Select>['value'];

/** Selects float their menu over the page, so one inside a popup or modal is not clipped. */
const MENU_ON_TOP = { menuPortal: (base: Record<string, unknown>) => ({ ...base, zIndex: 1000 }) };

export const SelectView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const external = node.props.value === undefined ? undefined : (node.props.value as SelectValue);
  const [value, setValue] = useFieldValue<SelectValue>(external, () => (node.props.defaultValue ?? null) as SelectValue);
  const options = (arrayOf(node, 'options') ?? []).filter(isRecord);
  return (
    <Select
      inputId={stringOf(node, 'id') ?? stringOf(node, 'inputId')}
      name={stringOf(node, 'name')}
      options={options}
      value={value}
      isMulti={booleanOf(node, 'isMulti')}
      isClearable={booleanOf(node, 'isClearable')}
      isSearchable={booleanOf(node, 'isSearchable')}
      isDisabled={booleanOf(node, 'isDisabled')}
      isInvalid={booleanOf(node, 'isInvalid')}
      isLoading={booleanOf(node, 'isLoading')}
      isRequired={booleanOf(node, 'isRequired')}
      placeholder={stringOf(node, 'placeholder')}
      appearance={oneOf(node, 'appearance', ['default', 'subtle', 'none'] as const)}
      spacing={oneOf(node, 'spacing', ['default', 'compact'] as const)}
      closeMenuOnSelect={booleanOf(node, 'closeMenuOnSelect')}
      openMenuOnFocus={booleanOf(node, 'openMenuOnFocus')}
      autoFocus={booleanOf(node, 'autoFocus')}
      testId={stringOf(node, 'testId')}
      menuPortalTarget={document.body}
      styles={MENU_ON_TOP}
      onChange={(picked: unknown) => {
        setValue(picked as SelectValue);
        void runtime.call(handlerOf(node, 'onChange'), picked);
      }}
      onInputChange={(text: string) => {
        void runtime.call(handlerOf(node, 'onInputChange'), text);
      }}
      onBlur={() => void runtime.call(handlerOf(node, 'onBlur'), blurEvent(node))}
      onFocus={() => void runtime.call(handlerOf(node, 'onFocus'))}
    />
  );
};
