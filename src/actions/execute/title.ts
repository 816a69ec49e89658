/**
 * Modify title: applies the prefix, suffix or regex to the page's title as it is now and saves it
 * as a new version by the app. Nothing may take that version for a person's edit: the
 * page-updated event of it is marked self-generated, and the trigger carries the approval over
 * (domain/page-edits.ts), which enters no state, so no actions run again and nothing loops. Events
 * can be lost, so the app also records the version (storage/app-versions.ts) for the daily
 * version check and the dialog, which then carry the approval the same way.
 */
import { getAppAccountId } from '../../confluence/app-account';
import { AS_APP } from '../../confluence/http';
import { getTitledVersion, saveTitle, type TitledVersion } from '../../confluence/page-title';
import { applyTitleAction, type TitleAction } from '../../shared/title-action';
import { AppError } from '../../shared/errors';
import { ATTEMPTS, LOST_RACE, retryLostRaces } from '../../shared/retry-policy';
import { onlyAppVersionsSince, recordAppVersion } from '../../storage/app-versions';
import { type ActionExecutor, type ActionOutcome, type ActionRun } from '../action-run';
import { PAGE_REFUSALS, refusalOutcome } from './failure';

/** The version message of the app's retitles: how a re-run recognises a version it saved but did not record. */
export const TITLE_VERSION_MESSAGE = 'ApprovalFlow workflow action: modify title';

export const modifyTitle: ActionExecutor<TitleAction> = async (run, action) => {
  try {
    const outcome = await retryLostRaces(ATTEMPTS.contentProperty, () => retitleOnce(run, action));
    if (outcome === LOST_RACE) throw new AppError('CONFLICT', 'The page kept changing while ApprovalFlow renamed it.');
    return outcome;
  } catch (error) {
    return refusalOutcome(error, PAGE_REFUSALS);
  }
};

async function retitleOnce(run: ActionRun, action: TitleAction): Promise<ActionOutcome | typeof LOST_RACE> {
  const current = await getTitledVersion(AS_APP, run.pageId, run.contentType);
  const title = applyTitleAction(current.title, action);
  if (title === current.title) {
    await recordUnrecordedRetitle(run.pageId, current);
    return { ok: true, message: `the title is already "${title}"` };
  }
  let version: number;
  try {
    version = await saveTitle(AS_APP, run.pageId, run.contentType, current, title, TITLE_VERSION_MESSAGE);
  } catch (error) {
    // Someone saved a version between the read and the write: read the new title and apply again.
    if (error instanceof AppError && error.code === 'CONFLICT') return LOST_RACE;
    throw error;
  }
  await recordAppVersion(run.pageId, version, new Date().toISOString());
  return { ok: true, message: `renamed "${current.title}" to "${title}" (version ${version})` };
}

/**
 * A run that stopped after Confluence saved the new title but before the app recorded the version
 * finds the title already applied: the version is the app's when the app wrote it with its message.
 */
async function recordUnrecordedRetitle(pageId: string, current: TitledVersion): Promise<void> {
  if (current.message !== TITLE_VERSION_MESSAGE || (await onlyAppVersionsSince(pageId, current.number - 1, current.number))) return;
  if (current.authorId === (await getAppAccountId())) await recordAppVersion(pageId, current.number, new Date().toISOString());
}
