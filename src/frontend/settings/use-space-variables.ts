import { useCallback } from 'react';
import { useApiResource } from '../shared/use-api-resource';
import { callSettings } from './settings-api';

/**
 * The names of the space's variables for the publish action's target picker, or null while they
 * load or when they cannot be read (the editor then offers a space key only, which always works).
 */
export function useSpaceVariableNames(): readonly string[] | null {
  const load = useCallback(() => callSettings('listSpaceVariables', {}), []);
  const variables = useApiResource(load);
  return variables.data === undefined ? null : variables.data.variables.map((variable) => variable.name);
}
