import type React from 'react';
import { Link, SectionMessage, Text } from '@forge/react';
import { type PublishedFrom } from '../../shared/published-copy';
import { formatDay } from '../../shared/status';

/** Confluence's own address of a page by id: it redirects to the page wherever it lives now. */
const sourceUrl = (pageId: string): string => `/wiki/pages/viewpage.action?pageId=${encodeURIComponent(pageId)}`;

/**
 * Shown instead of any action on a copy the publish action made: the copy follows its source, so
 * this is where a reader learns which page to open (and submit) instead.
 */
export function PublishedCopyNotice({ from }: { from: PublishedFrom }): React.JSX.Element {
  return (
    <SectionMessage appearance="information" title="Published copy">
      <Text>
        {'This page is a copy of '}
        <Link href={sourceUrl(from.sourcePageId)}>{from.sourceTitle}</Link>
        {` (${from.sourceSpaceKey}), version ${from.approvedVersion} approved on ${formatDay(from.approvedAt)}. To change it, edit the source page and submit it for approval there.`}
      </Text>
    </SectionMessage>
  );
}
