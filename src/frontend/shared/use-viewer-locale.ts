import { useProductContext } from '@forge/react';

/**
 * The viewer's locale as UI Kit gives it, for `formatDate` and the date pickers (see dates.ts);
 * undefined until the context has loaded. Kept apart from dates.ts so the formatting stays usable
 * where no UI Kit host runs.
 */
export function useViewerLocale(): string | undefined {
  return useProductContext()?.locale;
}
