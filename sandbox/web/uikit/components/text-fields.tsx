/**
 * Textfield and TextArea. They send the app a serialisable change event whose `target.type`
 * (`text`, `number`, `textarea`…) tells useForm's `register` to read `target.value`.
 */
import { type ChangeEvent } from 'react';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { blurEvent, textChangeEvent } from '../../../ui-host/ui-events';
import { useFieldValue } from '../field-state';
import { propDocs } from '../prop-elements';
import { booleanOf, handlerOf, numberOf, oneOf, stringOf, textOrNumberOf } from '../props';
import { useModuleRuntime } from '../runtime';
import { type UiKitComponent } from '../types';
import { fieldState, textValue } from './field-values';

export const TextfieldView: UiKitComponent = ({ node, render }) => {
  const runtime = useModuleRuntime();
  const [value, setValue] = useFieldValue(textValue(node.props.value), () => textValue(node.props.defaultValue) ?? '');
  const before = propDocs(node, 'elemBeforeInput');
  const after = propDocs(node, 'elemAfterInput');
  return (
    <Textfield
      {...fieldState(node)}
      value={value}
      type={stringOf(node, 'type')}
      placeholder={stringOf(node, 'placeholder')}
      isReadOnly={booleanOf(node, 'isReadOnly')}
      isCompact={booleanOf(node, 'isCompact')}
      isMonospaced={booleanOf(node, 'isMonospaced')}
      autoFocus={booleanOf(node, 'autoFocus')}
      appearance={oneOf(node, 'appearance', ['standard', 'none', 'subtle'] as const)}
      width={textOrNumberOf(node, 'width')}
      maxLength={numberOf(node, 'maxLength')}
      minLength={numberOf(node, 'minLength')}
      min={textOrNumberOf(node, 'min')}
      max={textOrNumberOf(node, 'max')}
      pattern={stringOf(node, 'pattern')}
      aria-labelledby={stringOf(node, 'aria-labelledby')}
      testId={stringOf(node, 'testId')}
      elemBeforeInput={before.length === 0 ? undefined : render(before)}
      elemAfterInput={after.length === 0 ? undefined : render(after)}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        setValue(event.currentTarget.value);
        void runtime.call(handlerOf(node, 'onChange'), textChangeEvent(node, event.currentTarget.value));
      }}
      onBlur={() => void runtime.call(handlerOf(node, 'onBlur'), blurEvent(node))}
      onFocus={() => void runtime.call(handlerOf(node, 'onFocus'))}
    />
  );
};

export const TextAreaView: UiKitComponent = ({ node }) => {
  const runtime = useModuleRuntime();
  const [value, setValue] = useFieldValue(textValue(node.props.value), () => textValue(node.props.defaultValue) ?? '');
  return (
    <TextArea
      {...fieldState(node)}
      value={value}
      placeholder={stringOf(node, 'placeholder')}
      isReadOnly={booleanOf(node, 'isReadOnly')}
      isCompact={booleanOf(node, 'isCompact')}
      isMonospaced={booleanOf(node, 'isMonospaced')}
      autoFocus={booleanOf(node, 'autoFocus')}
      appearance={oneOf(node, 'appearance', ['standard', 'subtle', 'none'] as const)}
      resize={oneOf(node, 'resize', ['auto', 'vertical', 'horizontal', 'smart', 'none'] as const)}
      minimumRows={numberOf(node, 'minimumRows')}
      maxHeight={stringOf(node, 'maxHeight')}
      maxLength={numberOf(node, 'maxLength')}
      minLength={numberOf(node, 'minLength')}
      spellCheck={booleanOf(node, 'spellCheck')}
      testId={stringOf(node, 'testId')}
      onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
        setValue(event.currentTarget.value);
        void runtime.call(handlerOf(node, 'onChange'), textChangeEvent(node, event.currentTarget.value));
      }}
      onBlur={() => void runtime.call(handlerOf(node, 'onBlur'), blurEvent({ ...node, props: { ...node.props, type: 'textarea' } }))}
      onFocus={() => void runtime.call(handlerOf(node, 'onFocus'))}
    />
  );
};
