/**
 * The banner's one read: the byline content property, straight from Confluence through the
 * viewer's browser (`requestConfluence`), so a page view invokes no app function. Not
 * `useContentProperty`: that hook namespaces its key per module (`forge-<localId>-<key>`) and
 * serves pages only, while the byline property has a fixed key and blog posts have their own path.
 */
import { requestConfluence } from '@forge/bridge';
import { z } from 'zod';
import { BYLINE_PROPERTY_KEY } from '../../shared/byline';
import { type ContentType } from '../../shared/content';
import { type ReadersBanner, readersBannerSchema } from '../../shared/readers-banner';

const propertiesSchema = z.object({ results: z.array(z.object({ value: z.unknown() })) });
const storedSchema = z.looseObject({ banner: readersBannerSchema });

const PROPERTY_PATHS: Record<ContentType, string> = { page: 'pages', blogpost: 'blogposts' };

/**
 * What the property says readers should see, or null: no property (no workflow touched the
 * page), no banner in it (approved, or the space turned the banner off), or an answer that is not
 * the app's shape. A reader who may not see the page gets no page view, so a refusal shows nothing.
 */
export async function readReadersBanner(content: { id: string; type: ContentType }): Promise<ReadersBanner | null> {
  const path = `/wiki/api/v2/${PROPERTY_PATHS[content.type]}/${encodeURIComponent(content.id)}/properties?key=${BYLINE_PROPERTY_KEY}`;
  const response = await requestConfluence(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) return null;
  const listed = propertiesSchema.safeParse(await response.json());
  if (!listed.success) return null;
  const stored = storedSchema.safeParse(listed.data.results[0]?.value);
  return stored.success ? stored.data.banner : null;
}
