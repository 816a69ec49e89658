/**
 * Page versions the app made itself (a "modify title" action). The page-updated event says when
 * the app made a version, but Forge does not promise to deliver every event: without this record
 * the daily version check, or the dialog reading Confluence's version before the event arrives,
 * would take the app's version for a person's edit and mark an approved page Outdated. One key
 * per version: two actions editing the same page at once each record their own version without
 * a read-modify-write race.
 */
import { kvs } from '@forge/kvs';
import { BATCH_LIMIT, readBatch } from './batch-read';

interface AppVersion {
  at: string;
}

const key = (pageId: string, version: number): string => `app-version:${pageId}:${version}`;

export async function recordAppVersion(pageId: string, version: number, at: string): Promise<void> {
  await kvs.set<AppVersion>(key(pageId, version), { at });
}

/**
 * True when the app made every version after `known` up to `current`: the page moved on only by
 * the app's hand. More versions than one batch read holds cannot all be the app's (it makes one
 * per title action), so they count as people's edits.
 */
export async function onlyAppVersionsSince(pageId: string, known: number, current: number): Promise<boolean> {
  if (current <= known || current - known > BATCH_LIMIT) return false;
  const versions = Array.from({ length: current - known }, (_, i) => known + 1 + i);
  const values = await readBatch(versions.map((version) => ({ key: key(pageId, version) })));
  return versions.every((version) => values<AppVersion>({ key: key(pageId, version) }) !== undefined);
}
