import { useCallback } from 'react';
import { type WorkflowDetailView } from '../../shared/contract';
import { type ApiResource, useApiResource } from '../shared/use-api-resource';
import { callSettings } from './settings-api';

/** One workflow as saved now, with who may manage it and how many requests still run on it. */
export function useWorkflowDetail(workflowId: string): ApiResource<WorkflowDetailView> {
  const load = useCallback(() => callSettings('getWorkflow', { workflowId }), [workflowId]);
  return useApiResource(load);
}
