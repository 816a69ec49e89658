/**
 * Typed reads of ForgeDoc props. The app's props arrive exactly as its code wrote them (the
 * reconciler only prefixes ids), so every read checks the type rather than trusting it.
 */
import { type ForgeDoc, type PropHandler, isHandler, isRecord } from '../../ui-host/forge-doc';

export function stringOf(node: ForgeDoc, name: string): string | undefined {
  const value = node.props[name];
  return typeof value === 'string' ? value : undefined;
}

export function numberOf(node: ForgeDoc, name: string): number | undefined {
  const value = node.props[name];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function booleanOf(node: ForgeDoc, name: string): boolean | undefined {
  const value = node.props[name];
  return typeof value === 'boolean' ? value : undefined;
}

/** A string or a number: dimensions (`width`), values of fields, labels given as numbers. */
export function textOrNumberOf(node: ForgeDoc, name: string): string | number | undefined {
  const value = node.props[name];
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : undefined;
}

export function handlerOf(node: ForgeDoc, name: string): PropHandler | undefined {
  const value = node.props[name];
  return isHandler(value) ? value : undefined;
}

export function recordOf(node: ForgeDoc, name: string): Record<string, unknown> | undefined {
  const value = node.props[name];
  return isRecord(value) ? value : undefined;
}

export function arrayOf(node: ForgeDoc, name: string): unknown[] | undefined {
  const value = node.props[name];
  return Array.isArray(value) ? value : undefined;
}

/** A prop restricted to a known set of values (appearance, size…); anything else reads as absent. */
export function oneOf<T extends string>(node: ForgeDoc, name: string, allowed: readonly T[]): T | undefined {
  const value = node.props[name];
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

/** The children wrapped in `<ContentWrapper name=…>`, UI Kit's way of sending render-prop output. */
export function wrapped(node: ForgeDoc, name: string): ForgeDoc[] {
  const wrapper = node.children.find((child) => child.type === 'ContentWrapper' && child.props.name === name);
  return wrapper === undefined ? [] : wrapper.children;
}
