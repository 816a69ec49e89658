/** Reading field values and the props every field shares, as UI Kit passes them. */
import { type ForgeDoc } from '../../../ui-host/forge-doc';
import { booleanOf, stringOf } from '../props';

export function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
}

/** The props every field shares, by their UI Kit (= ADS) names. */
export function fieldState(node: ForgeDoc): { id?: string; name?: string; isDisabled?: boolean; isInvalid?: boolean; isRequired?: boolean } {
  return {
    id: stringOf(node, 'id'),
    name: stringOf(node, 'name'),
    isDisabled: booleanOf(node, 'isDisabled'),
    isInvalid: booleanOf(node, 'isInvalid'),
    isRequired: booleanOf(node, 'isRequired'),
  };
}
