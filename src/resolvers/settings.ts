import { type SettingsResults, type settingsContract } from '../shared/contract/settings';
import { checkPinnedHeadSpec, exportAuditSpec } from './audit-export';
import { resolverDefinitions, type ResolverSpec } from './define';
import { assignWorkflow, setDefaultWorkflow, setReadersBanner, setWorkflowCreators } from './settings/assignments';
import { searchGroups } from './settings/groups';
import { listSpaceVariables, removeSpaceVariable, saveSpaceVariable } from './settings/space-variables';
import { overridePageStatus, submitPage } from './settings/page-actions';
import { getTreeLevel } from './settings/tree';
import { createWorkflow, getWorkflow, listWorkflows, removeWorkflow, setWorkflowEnabled, updateWorkflow } from './settings/workflows';

type Contract = typeof settingsContract;

/** Every function of `settingsContract` (module `approval-settings`); the space is always the context's. */
const specs: { [K in keyof Contract]: ResolverSpec<Contract[K], SettingsResults[K]> } = {
  listWorkflows,
  getWorkflow,
  createWorkflow,
  updateWorkflow,
  deleteWorkflow: removeWorkflow,
  setWorkflowEnabled,
  setDefaultWorkflow,
  setWorkflowCreators,
  setReadersBanner,
  assignWorkflow,
  getTreeLevel,
  overridePageStatus,
  submitPage,
  searchGroups,
  exportAudit: exportAuditSpec,
  checkPinnedHead: checkPinnedHeadSpec,
  listSpaceVariables,
  saveSpaceVariable,
  removeSpaceVariable,
};

export const settingsResolver = resolverDefinitions(specs);
