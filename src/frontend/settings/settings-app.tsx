import type React from 'react';
import { useCallback, useRef, useState } from 'react';
import { Stack, Tab, TabList, TabPanel, Tabs } from '@forge/react';
import { ApiErrorMessage } from '../shared/api-error-message';
import { LoadingBlock } from '../shared/loading-block';
import { useApiResource } from '../shared/use-api-resource';
import { AuditTab } from './audit-tab';
import { ManageSpaceTab } from './manage-space-tab';
import { callSettings } from './settings-api';
import { WorkflowsTab } from './workflows-tab';

/** The most workflow ids `listWorkflows` takes. */
const CHANGES_REMEMBERED = 20;

/**
 * The space settings page. The workflow list is loaded first because it says whether the
 * viewer is a space admin (the Audit tab is theirs) and the Manage space tab assigns from it.
 * Only the selected tab is rendered, so a tab asks for its data when it is opened.
 */
export function SettingsApp(): React.JSX.Element {
  // The space's list comes from an index that may not show a change yet: the workflows changed
  // on this screen are named in every reload, and the resolver reads those by key.
  const changed = useRef<string[]>([]);
  const load = useCallback(() => callSettings('listWorkflows', { changed: changed.current }), []);
  const workflows = useApiResource(load);
  const { reload } = workflows;
  const reloadAfterChange = useCallback(
    (workflowId: string) => {
      changed.current = [workflowId, ...changed.current.filter((id) => id !== workflowId)].slice(0, CHANGES_REMEMBERED);
      return reload();
    },
    [reload],
  );
  const [tab, setTab] = useState(0);

  if (workflows.data === undefined) {
    if (workflows.error !== undefined) {
      return <ApiErrorMessage error={workflows.error} title="ApprovalFlow settings could not be loaded" actions={[{ label: 'Try again', onClick: workflows.reload }]} />;
    }
    return <LoadingBlock label="Loading ApprovalFlow settings" />;
  }
  const { isSpaceAdmin } = workflows.data;

  return (
    <Stack space="space.200">
      <Tabs id="approval-settings-tabs" selected={tab} onChange={(index) => setTab(index)}>
        <TabList>
          <Tab>Workflows</Tab>
          <Tab>Manage space</Tab>
          {isSpaceAdmin ? <Tab>Audit</Tab> : null}
        </TabList>
        <TabPanel>{tab === 0 ? <WorkflowsTab workflows={workflows} reloadAfterChange={reloadAfterChange} /> : null}</TabPanel>
        <TabPanel>{tab === 1 ? <ManageSpaceTab workflows={workflows.data.workflows} /> : null}</TabPanel>
        {isSpaceAdmin ? <TabPanel>{tab === 2 ? <AuditTab /> : null}</TabPanel> : null}
      </Tabs>
    </Stack>
  );
}
