/**
 * What UI Kit's pickers hand to onChange. A multi UserPicker answers an array of users and a
 * single one a user; a multi Select answers the chosen options (null once cleared). Both are
 * read defensively because the renderer, not the app, builds these values.
 */
import { type UserPickerValue } from '@forge/react';

export function accountIdsOf(value: UserPickerValue | readonly UserPickerValue[] | null | undefined): string[] {
  if (value === null || value === undefined) return [];
  const users = Array.isArray(value) ? value : [value as UserPickerValue];
  return [...new Set(users.map((user) => user.id).filter((id): id is string => typeof id === 'string' && id !== ''))];
}

export interface Option<V extends string = string> {
  label: string;
  value: V;
}

export function optionsOf<V extends string>(value: Option<V> | readonly Option<V>[] | null | undefined): Option<V>[] {
  if (value === null || value === undefined) return [];
  return Array.isArray(value) ? [...value] : [value as Option<V>];
}

/**
 * `id` for components whose UI Kit type leaves it out (RadioGroup) although UI Kit forwards it,
 * as `useForm().register()` does: it is what pairs the field with its `<Label labelFor>`.
 */
export function fieldId(id: string): Record<string, string> {
  return { id };
}
