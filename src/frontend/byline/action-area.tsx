import type React from 'react';
import { useState } from 'react';
import { Button, ButtonGroup, SectionMessage, Stack, Text } from '@forge/react';
import { type PageApprovalView } from '../../shared/contract/byline';
import { isOnlyAbout } from '../shared/api';
import { ApiErrorMessage } from '../shared/api-error-message';
import { ACTION_FIELDS } from './byline-api';
import { DecisionForm } from './decision-form';
import { OverrideForm } from './override-form';
import { decidesNow } from './presentation';
import { SubmitForm } from './submit-form';
import { type ActionState } from './use-page-approval';
import { WithdrawPanel } from './withdraw-panel';

type Panel = 'withdraw' | 'override';

export interface ActionAreaProps {
  view: PageApprovalView;
  actions: ActionState;
  reload(): Promise<void>;
  reloading: boolean;
}

/**
 * Exactly the actions `view.actions` allows, nothing else: submit or resubmit, the approver's
 * decision (or, for an approver who may not decide, why not), and withdraw / override behind a
 * button each because they undo other people's work.
 * A failure shows here, where the person acted; one about a form field shows next to the field.
 */
export function ActionArea({ view, actions, reload, reloading }: ActionAreaProps): React.JSX.Element | null {
  const [panel, setPanel] = useState<Panel | null>(null);
  const allowed = view.actions;
  const { request } = view;
  const { busy, failure, act, clearFailure, inputChanged } = actions;
  const canDecide = request !== null && decidesNow(view);
  const canWithdraw = request !== null && allowed.withdraw;
  const canOverride = allowed.override;
  const withheld = canDecide ? null : view.decisionWithheld;
  const anything = allowed.submit || canDecide || withheld !== null || canWithdraw || canOverride;
  if (!anything && failure === undefined) return null;

  const closePanel = (): void => {
    setPanel(null);
    clearFailure();
  };
  const closeOnSuccess = (succeeded: boolean): boolean => {
    if (succeeded) setPanel(null);
    return succeeded;
  };
  const banner = failure !== undefined && !isOnlyAbout(failure.error, ACTION_FIELDS[failure.kind]) ? failure.error : undefined;
  // Reloading is the way on whenever the dialog may show an outdated state; not for input or rate limits.
  const offersReload = banner !== undefined && banner.code !== 'VALIDATION' && banner.code !== 'RATE_LIMITED';

  return (
    <Stack space="space.200">
      {banner !== undefined && (
        <ApiErrorMessage error={banner} actions={offersReload ? [{ label: 'Reload', onClick: reload, isLoading: reloading }] : []} />
      )}
      {allowed.submit && (
        <SubmitForm
          resubmit={allowed.resubmit}
          version={view.page.currentVersion}
          workflows={view.workflows}
          busy={busy}
          failure={failure}
          onSubmit={(payload) => act(allowed.resubmit ? 'resubmit' : 'submit', payload)}
          onEdit={inputChanged}
        />
      )}
      {canDecide && (
        <DecisionForm
          request={request}
          canApprove={allowed.approve}
          canReject={allowed.reject}
          busy={busy}
          failure={failure}
          onDecide={(decision, comment) =>
            act(decision, { requestId: request.id, stepIndex: request.currentStepIndex, ...(decision === 'reject' || comment.trim() !== '' ? { comment } : {}) })
          }
          onEdit={inputChanged}
        />
      )}
      {withheld !== null && (
        <SectionMessage appearance="information" title="Your decision">
          <Text>{withheld}</Text>
        </SectionMessage>
      )}
      {panel === 'withdraw' && canWithdraw && (
        <WithdrawPanel
          version={request.version}
          busy={busy}
          onConfirm={async () => closeOnSuccess(await act('withdraw', { requestId: request.id }))}
          onCancel={closePanel}
        />
      )}
      {panel === 'override' && canOverride && (
        <OverrideForm
          request={request}
          busy={busy}
          failure={failure}
          onOverride={async (payload) => closeOnSuccess(await act('override', payload))}
          onCancel={closePanel}
          onEdit={inputChanged}
        />
      )}
      {panel === null && (canWithdraw || canOverride) && (
        <ButtonGroup label="More actions">
          {canWithdraw && (
            <Button isDisabled={busy !== null} onClick={() => setPanel('withdraw')}>
              Withdraw
            </Button>
          )}
          {canOverride && (
            <Button isDisabled={busy !== null} onClick={() => setPanel('override')}>
              Override status
            </Button>
          )}
        </ButtonGroup>
      )}
    </Stack>
  );
}
