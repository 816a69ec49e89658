import { enqueueEffects } from '../../effects/effects-job';
import { NONE } from '../../storage/entities';

/**
 * Hands committed audit entries to the effects consumer, which seals them. The change is
 * already committed, so a failed push must not turn into an error for the user: the hourly
 * sweeper finds the entries unsealed and pushes them again.
 */
export async function announceChange(spaceId: string, auditKeys: string[], pageId: string = NONE): Promise<void> {
  try {
    await enqueueEffects({ spaceId, pageId, auditKeys });
  } catch (error) {
    console.warn('effects push failed; the sweeper will retry', error);
  }
}
