import type React from 'react';
import { Button, LoadingButton, Modal, ModalBody, ModalFooter, ModalHeader, ModalTitle, ModalTransition, Stack } from '@forge/react';

interface Props {
  title: string;
  confirmLabel: string;
  busy: boolean;
  canConfirm?: boolean;
  onConfirm(): void;
  onClose(): void;
  children: React.ReactNode;
}

/** The frame every manage-space action shares: a titled dialog, its fields, Cancel and one action. */
export function ActionModal({ title, confirmLabel, busy, canConfirm = true, onConfirm, onClose, children }: Props): React.JSX.Element {
  return (
    <ModalTransition>
      <Modal onClose={onClose}>
        <ModalHeader>
          <ModalTitle>{title}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">{children}</Stack>
        </ModalBody>
        <ModalFooter>
          <Button appearance="subtle" onClick={onClose}>
            Cancel
          </Button>
          <LoadingButton appearance="primary" isLoading={busy} isDisabled={!canConfirm} onClick={onConfirm}>
            {confirmLabel}
          </LoadingButton>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
