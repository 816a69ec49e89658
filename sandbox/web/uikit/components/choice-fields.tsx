/**
 * Checkbox, CheckboxGroup, Radio, RadioGroup, Toggle and Range. Checkbox, Toggle and Radio send
 * a serialisable event (`target.type` `checkbox` / `radio`, which useForm's `register` reads as
 * `checked` / `value`); CheckboxGroup and Range send the value itself, as UI Kit does.
 */
import { type ChangeEvent, type ComponentProps, type ReactElement, useEffect, useRef } from 'react';
import { Radio, RadioGroup } from '@atlaskit/radio';
import Toggle from '@atlaskit/toggle';
import { token } from '@atlaskit/tokens';
import { type ForgeDoc, isRecord } from '../../../ui-host/forge-doc';
import { blurEvent, checkedChangeEvent, radioChangeEvent } from '../../../ui-host/ui-events';
import { useFieldValue } from '../field-state';
import { arrayOf, booleanOf, handlerOf, numberOf, oneOf, stringOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { stringList, textValue } from './field-values';

/**
 * ADS Checkbox is not among the installed packages; this is its anatomy (a native box in the
 * ADS selected colour, the label beside it), which keeps keyboard and form behaviour native.
 */
function CheckboxBox(props: {
  node: ForgeDoc;
  label: string | undefined;
  checked: boolean;
  indeterminate?: boolean;
  disabled?: boolean;
  onChange(checked: boolean): void;
}): ReactElement {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (input.current !== null) input.current.indeterminate = props.indeterminate === true;
  }, [props.indeterminate]);
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.100'), color: props.disabled === true ? token('color.text.disabled') : token('color.text'), cursor: props.disabled === true ? 'not-allowed' : 'pointer' }}>
      <input
        ref={input}
        type="checkbox"
        id={stringOf(props.node, 'id')}
        name={stringOf(props.node, 'name')}
        value={textValue(props.node.props.value)}
        checked={props.checked}
        disabled={props.disabled}
        aria-invalid={booleanOf(props.node, 'isInvalid')}
        data-testid={stringOf(props.node, 'testId')}
        style={{ width: 14, height: 14, margin: 0, accentColor: token('color.background.selected.bold') }}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
      />
      {props.label !== undefined && <span>{props.label}</span>}
    </label>
  );
}

export const CheckboxView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [checked, setChecked] = useFieldValue(booleanOf(node, 'isChecked'), () => booleanOf(node, 'defaultChecked') === true);
  return (
    <CheckboxBox
      node={node}
      label={textValue(node.props.label)}
      checked={checked}
      indeterminate={booleanOf(node, 'isIndeterminate')}
      disabled={booleanOf(node, 'isDisabled')}
      onChange={(next) => {
        setChecked(next);
        void runtime.call(handlerOf(node, 'onChange'), checkedChangeEvent(node, next));
      }}
    />
  );
};

export const CheckboxGroupView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [values, setValues] = useFieldValue(stringList(node.props.value), () => stringList(node.props.defaultValue) ?? []);
  const options = (arrayOf(node, 'options') ?? []).filter(isRecord);
  return (
    <div role="group" style={{ display: 'flex', flexDirection: 'column', gap: token('space.050') }}>
      {options.map((option) => {
        const value = textValue(option.value) ?? '';
        const optionNode: ForgeDoc = { type: 'Checkbox', props: { name: node.props.name, value }, children: [], key: `${node.key}-${value}` };
        return (
          <CheckboxBox
            key={value}
            node={optionNode}
            label={textValue(option.label)}
            checked={values.includes(value)}
            disabled={booleanOf(node, 'isDisabled') === true || option.isDisabled === true}
            onChange={(checked) => {
              const next = checked ? [...values, value] : values.filter((candidate) => candidate !== value);
              setValues(next);
              void runtime.call(handlerOf(node, 'onChange'), next);
            }}
          />
        );
      })}
    </div>
  );
};

type RadioOptions = ComponentProps<typeof RadioGroup>['options'];

export const RadioGroupView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [value, setValue] = useFieldValue(textValue(node.props.value), () => textValue(node.props.defaultValue) ?? '');
  const options = (arrayOf(node, 'options') ?? []).filter(isRecord).map((option) => ({
    name: typeof option.name === 'string' ? option.name : stringOf(node, 'name'),
    value: textValue(option.value) ?? '',
    label: textValue(option.label) ?? '',
    isDisabled: option.isDisabled === true,
  }));
  return (
    <RadioGroup
      options={options as RadioOptions}
      value={value === '' ? null : value}
      name={stringOf(node, 'name')}
      isDisabled={booleanOf(node, 'isDisabled')}
      isRequired={booleanOf(node, 'isRequired')}
      isInvalid={booleanOf(node, 'isInvalid')}
      aria-labelledby={stringOf(node, 'aria-labelledby')}
      testId={stringOf(node, 'testId')}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        setValue(event.currentTarget.value);
        void runtime.call(handlerOf(node, 'onChange'), radioChangeEvent(node, event.currentTarget.value));
      }}
    />
  );
};

export const RadioView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  return (
    <Radio
      id={stringOf(node, 'id')}
      name={stringOf(node, 'name')}
      value={textValue(node.props.value)}
      label={textValue(node.props.label)}
      ariaLabel={stringOf(node, 'ariaLabel')}
      isChecked={booleanOf(node, 'isChecked')}
      isDisabled={booleanOf(node, 'isDisabled')}
      isRequired={booleanOf(node, 'isRequired')}
      isInvalid={booleanOf(node, 'isInvalid')}
      testId={stringOf(node, 'testId')}
      onChange={(event: ChangeEvent<HTMLInputElement>) => void runtime.call(handlerOf(node, 'onChange'), radioChangeEvent(node, event.currentTarget.value))}
    />
  );
};

export const ToggleView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [checked, setChecked] = useFieldValue(booleanOf(node, 'isChecked'), () => booleanOf(node, 'defaultChecked') === true);
  return (
    <Toggle
      id={stringOf(node, 'id')}
      name={stringOf(node, 'name')}
      value={textValue(node.props.value)}
      label={stringOf(node, 'label')}
      size={oneOf(node, 'size', ['regular', 'large'] as const)}
      isChecked={checked}
      isDisabled={booleanOf(node, 'isDisabled')}
      testId={stringOf(node, 'testId')}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        setChecked(event.currentTarget.checked);
        void runtime.call(handlerOf(node, 'onChange'), checkedChangeEvent(node, event.currentTarget.checked));
      }}
      onBlur={() => void runtime.call(handlerOf(node, 'onBlur'), blurEvent(node))}
      onFocus={() => void runtime.call(handlerOf(node, 'onFocus'))}
    />
  );
};

/** ADS Range is not installed; a native range in the ADS selected colour behaves the same. */
export const RangeView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [value, setValue] = useFieldValue(numberOf(node, 'value'), () => numberOf(node, 'defaultValue') ?? numberOf(node, 'min') ?? 0);
  return (
    <input
      type="range"
      id={stringOf(node, 'id')}
      name={stringOf(node, 'name')}
      min={numberOf(node, 'min') ?? 0}
      max={numberOf(node, 'max') ?? 100}
      step={numberOf(node, 'step') ?? 1}
      value={value}
      disabled={booleanOf(node, 'isDisabled')}
      aria-labelledby={stringOf(node, 'aria-labelledby')}
      data-testid={stringOf(node, 'testId')}
      style={{ width: '100%', accentColor: token('color.background.selected.bold') }}
      onChange={(event) => {
        const next = Number(event.currentTarget.value);
        setValue(next);
        void runtime.call(handlerOf(node, 'onChange'), next);
      }}
      onBlur={() => void runtime.call(handlerOf(node, 'onBlur'), blurEvent(node))}
    />
  );
};

