import React from 'react';
import ForgeReconciler, { Lozenge, Stack, Text, useContentProperty } from '@forge/react';
import { BYLINE_PROPERTY_KEY, type BylineProperties } from '../shared/byline';

/** The byline dialog: shows the page's approval status as the byline shows it. */
function BylineDialog(): React.JSX.Element {
  const [byline] = useContentProperty<BylineProperties | null>(BYLINE_PROPERTY_KEY, null);
  if (!byline) {
    return <Text>This page has not been submitted for approval.</Text>;
  }
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
