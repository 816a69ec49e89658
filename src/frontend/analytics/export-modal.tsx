import type React from 'react';
import {
  Button,
  HelperMessage,
  Label,
  LinkButton,
  Modal,
  ModalBody,
  ModalFooter,
  ModalHeader,
  ModalTitle,
  ModalTransition,
  SectionMessage,
  Stack,
  Text,
  TextArea,
} from '@forge/react';
import { type AnalyticsExportView } from '../../shared/contract';
import { downloadUri } from './data-uri';

const KIB = 1024;

function size(content: string): string {
  const bytes = new TextEncoder().encode(content).length;
  return bytes < KIB ? `${bytes} bytes` : `${Math.round((bytes / KIB) * 10) / 10} KB`;
}

/** Why the file is named as it is: the link cannot set a name, and HTML must arrive as a plain file. */
function nameHint(file: AnalyticsExportView): string {
  return file.mimeType === 'text/csv'
    ? `Your browser may save it as “download.csv”; rename it to ${file.filename} if you like.`
    : `Browsers never open a generated web page straight from a link, so the report is saved as a file named “download”: rename it to ${file.filename} and open it in your browser.`;
}

/**
 * The exported file, ready to take away. UI Kit cannot start a download itself, so the file is
 * offered twice: a link whose target is the file itself (a `data:` URI, nothing leaves
 * Atlassian), and its text to copy.
 */
export function ExportModal({ file, onClose }: { file: AnalyticsExportView; onClose(): void }): React.JSX.Element {
  const uri = downloadUri(file);
  const isCsv = file.mimeType === 'text/csv';
  return (
    <ModalTransition>
      <Modal onClose={onClose} width="large">
        <ModalHeader>
          <ModalTitle>{isCsv ? 'Export as CSV' : 'Export as HTML report'}</ModalTitle>
        </ModalHeader>
        <ModalBody>
          <Stack space="space.200">
            <Text>
              {file.filename} · {size(file.content)}
            </Text>
            {uri === null ? (
              <SectionMessage appearance="warning" title="Too large to download from here">
                <Text>Copy the content below into a file named {file.filename}, or choose a shorter date range.</Text>
              </SectionMessage>
            ) : (
              <Stack space="space.050">
                <LinkButton appearance="primary" href={uri}>
                  {isCsv ? 'Download CSV' : 'Download HTML report'}
                </LinkButton>
                <HelperMessage>{nameHint(file)}</HelperMessage>
              </Stack>
            )}
            <Stack space="space.050">
              <Label labelFor="analytics-export-content">{isCsv ? 'CSV content' : 'HTML source'}</Label>
              <TextArea id="analytics-export-content" value={file.content} isReadOnly isMonospaced minimumRows={8} maxHeight="320px" resize="vertical" />
              <HelperMessage>To copy: click in the box, select everything (Ctrl+A, or ⌘A on a Mac) and copy.</HelperMessage>
            </Stack>
          </Stack>
        </ModalBody>
        <ModalFooter>
          <Button onClick={onClose}>Close</Button>
        </ModalFooter>
      </Modal>
    </ModalTransition>
  );
}
