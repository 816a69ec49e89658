import { useEffect, useRef, useState } from 'react';
import { useContentProperty } from '@forge/react';
import { BYLINE_PROPERTY_KEY, type BylinePropertyValue } from '../../shared/byline';

/**
 * Tells Confluence that the byline changed, the documented way: the setter of
 * `useContentProperty` under the byline's `contentPropertyKey` emits the content-property-updated
 * event on which Confluence redraws the byline (Forge docs, confluence-content-byline-item,
 * "Content properties to store byline properties"). The hook keeps its own copy under a key it
 * namespaces with the module's localId, so the property Confluence reads on a page view is the
 * one `saveBylineProperty` wrote. Mounted only after that write succeeded: on mount the hook reads
 * and creates its copy, which a person who may not edit the page is refused.
 */
export function BylineRefresh({ value }: { value: BylinePropertyValue }): null {
  const [initial] = useState(value);
  const [copy, setCopy] = useContentProperty<BylinePropertyValue>(BYLINE_PROPERTY_KEY, initial);
  const sent = useRef<BylinePropertyValue | undefined>(undefined);
  const loaded = copy !== undefined;

  useEffect(() => {
    // Setting before the hook's own read-or-create has finished would race it for the create.
    if (!loaded || sent.current === value) return;
    sent.current = value;
    void setCopy(value);
  }, [loaded, value, setCopy]);

  return null;
}
