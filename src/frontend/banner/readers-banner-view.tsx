/**
 * The `confluence:pageBanner` module: tells readers of a page or blog post that the version in
 * front of them is not the approved one, or is in review, and links to the approved version. It
 * draws nothing while it reads, and nothing at all on approved pages and pages no workflow
 * touched, so those page views look exactly as without the app. Readers can dismiss it for the
 * page view (`view.close()`), as the Forge guidelines for banners ask.
 */
import { useEffect, useState } from 'react';
import { view } from '@forge/bridge';
import { Link, SectionMessage, SectionMessageAction, Text, useProductContext } from '@forge/react';
import { contentTypeSchema } from '../../shared/content';
import { type ReadersBanner } from '../../shared/readers-banner';
import { formatDate } from '../shared/dates';
import { readReadersBanner } from './banner-property';
import { approvedVersionUrl } from './version-link';

function BannerText({ banner, pageId, locale }: { banner: ReadersBanner; pageId: string; locale: string | undefined }) {
  const { approved, inReviewSince } = banner;
  const state =
    inReviewSince === undefined
      ? `This version (v${banner.version}) is not approved yet.`
      : `In review since ${formatDate(inReviewSince, locale)}: this version (v${banner.version}) is not approved yet.`;
  if (approved === undefined) return <Text>{state}</Text>;
  return (
    <Text>
      {`${state} Approved version: v${approved.version} by ${approved.by} on ${formatDate(approved.at, locale)} — `}
      <Link href={approvedVersionUrl(pageId, approved.version)}>view it</Link>
    </Text>
  );
}

export function ReadersBannerView() {
  const context = useProductContext();
  const [banner, setBanner] = useState<ReadersBanner | null>(null);
  const id = context?.extension.content?.id;
  const type = contentTypeSchema.safeParse(context?.extension.content?.type);

  useEffect(() => {
    if (typeof id !== 'string' || !type.success) return;
    let current = true;
    readReadersBanner({ id, type: type.data }).then(
      (found) => current && setBanner(found),
      // A page view must not show an error for a banner: without the read, readers see the page as is.
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [id, type.success, type.data]);

  if (banner === null || typeof id !== 'string') return null;
  return (
    <SectionMessage
      appearance={banner.inReviewSince === undefined ? 'warning' : 'information'}
      actions={[
        <SectionMessageAction key="dismiss" onClick={() => void view.close()}>
          Dismiss
        </SectionMessageAction>,
      ]}
    >
      <BannerText banner={banner} pageId={id} locale={context?.locale} />
    </SectionMessage>
  );
}
