import React, { useEffect, useState } from 'react';
import ForgeReconciler, { Lozenge, Stack, Text, useProductContext } from '@forge/react';
import { requestConfluence } from '@forge/bridge';
import { BYLINE_PROPERTY_KEY, type BylineProperties } from '../shared/byline';

/**
 * Reads the byline property the app writes. Not `useContentProperty`: that hook namespaces its
 * key per module instance (`forge-<localId>-<key>`), so it would never see the app's property.
 */
async function readByline(pageId: string): Promise<BylineProperties | null> {
  const response = await requestConfluence(`/wiki/api/v2/pages/${pageId}/properties?key=${BYLINE_PROPERTY_KEY}`);
  if (!response.ok) return null;
  const body = (await response.json()) as { results: { value: BylineProperties }[] };
  return body.results[0]?.value ?? null;
}

/** The byline dialog: shows the page's approval status as the byline shows it. */
function BylineDialog(): React.JSX.Element {
  const context = useProductContext();
  const pageId = context?.extension?.content?.id as string | undefined;
  const [byline, setByline] = useState<BylineProperties | null | undefined>(undefined);
  useEffect(() => {
    if (pageId) void readByline(pageId).then(setByline);
  }, [pageId]);
  if (byline === undefined) return <Text>Loading…</Text>;
  if (byline === null) return <Text>This page has not been submitted for approval.</Text>;
  return (
    <Stack space="space.100">
      <Lozenge>{byline.title}</Lozenge>
      <Text>{byline.tooltip}</Text>
    </Stack>
  );
}

ForgeReconciler.render(
  <React.StrictMode>
    <BylineDialog />
  </React.StrictMode>,
);
