/**
 * The arguments UI Kit's renderer hands to an app's event handlers. The app runs apart from the
 * page, so a handler never gets a DOM event: it gets a serialisable copy
 * (`SerialisableEvent` in @atlaskit/forge-react-types), or the plain value for Select.
 * useForm's `register().onChange` depends on the shape: it reads `target.value` only when
 * `target.type` is a text-like input type and `target.checked` when it is `checkbox`.
 */
import { type ForgeDoc, stringProp } from './forge-doc';

export interface SerialisableEvent {
  bubbles: boolean;
  cancelable: boolean;
  defaultPrevented: boolean;
  eventPhase: number;
  isTrusted: boolean;
  target: {
    value?: unknown;
    checked?: boolean;
    name?: string;
    id?: string;
    tagName?: string;
    type?: string;
  };
  timeStamp: number;
  type: string;
}

function serialisableEvent(type: string, target: SerialisableEvent['target']): SerialisableEvent {
  return { bubbles: true, cancelable: true, defaultPrevented: false, eventPhase: 2, isTrusted: true, target, timeStamp: Date.now(), type };
}

function identity(node: ForgeDoc): Pick<SerialisableEvent['target'], 'name' | 'id'> {
  return { name: stringProp(node, 'name'), id: stringProp(node, 'id') };
}

export function clickEvent(node: ForgeDoc): SerialisableEvent {
  return serialisableEvent('click', { ...identity(node), tagName: 'BUTTON', type: stringProp(node, 'type') ?? 'button' });
}

/** Typing into a Textfield or TextArea: the input's `type` decides how useForm reads it. */
export function textChangeEvent(node: ForgeDoc, value: string): SerialisableEvent {
  const isTextArea = node.type === 'TextArea';
  return serialisableEvent('change', {
    ...identity(node),
    value,
    tagName: isTextArea ? 'TEXTAREA' : 'INPUT',
    type: isTextArea ? 'textarea' : (stringProp(node, 'type') ?? 'text'),
  });
}

export function checkedChangeEvent(node: ForgeDoc, checked: boolean): SerialisableEvent {
  return serialisableEvent('change', { ...identity(node), value: node.props.value, checked, tagName: 'INPUT', type: 'checkbox' });
}

export function radioChangeEvent(node: ForgeDoc, value: unknown): SerialisableEvent {
  return serialisableEvent('change', { ...identity(node), value, checked: true, tagName: 'INPUT', type: 'radio' });
}

export function blurEvent(node: ForgeDoc): SerialisableEvent {
  return serialisableEvent('blur', { ...identity(node), tagName: 'INPUT', type: stringProp(node, 'type') ?? 'text' });
}
