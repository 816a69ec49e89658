/**
 * Which executor carries out each kind of action. Each one resolves its variables when it runs,
 * calls Confluence as the app, and is idempotent on its own (action-run.ts).
 */
import { type ActionOutcome, type ActionRun } from '../action-run';
import { type WorkflowAction } from '../../shared/workflow';
import { addRestrictions } from './add-restrictions';
import { manageLabels } from './labels';
import { notify } from './notify';
import { setOfficialVersion } from './official-version';
import { publishPage } from './publish';
import { removeRestrictions } from './remove-restrictions';
import { modifyTitle } from './title';

export type BoundExecutor = (run: ActionRun) => Promise<ActionOutcome>;

export function executorFor(action: WorkflowAction): BoundExecutor {
  switch (action.type) {
    case 'removeRestrictions':
      return (run) => removeRestrictions(run, action);
    case 'addRestrictions':
      return (run) => addRestrictions(run, action);
    case 'labels':
      return (run) => manageLabels(run, action);
    case 'title':
      return (run) => modifyTitle(run, action);
    case 'setOfficialVersion':
      return (run) => setOfficialVersion(run, action);
    case 'notify':
      return (run) => notify(run, action);
    case 'publish':
      return (run) => publishPage(run, action);
  }
}
