/**
 * A space's audit trail over the REST API (space admins): the sealed events in chain order, each
 * with what its hash covers, and the head, exactly as the settings audit tab exports them; and
 * the chain's verification. The cursor is the seq of the last event exported, so it stays valid
 * however many events are sealed after it.
 */
import { z } from 'zod';
import { auditExportPage, headView, requireAuditReader } from '../views/audit-export';
import { asUser } from '../confluence/http';
import { getSpaceByKey, type SpaceInfo } from '../confluence/spaces';
import { type ChainHeadView } from '../shared/contract/audit';
import { spaceKeySchema } from '../shared/contract/ids';
import { AppError } from '../shared/errors';
import { type ChainBreak, currentHead, PIN_CHECK_MAX_ENTRIES, verifyChain } from '../storage/audit-chain';
import { apiRoute, NO_BODY } from './define';

/** The budget's page (DESIGN.md, "audit export page of 100 events"). */
export const AUDIT_PAGE_MAX = 100;

const spaceParams = z.object({ spaceKey: spaceKeySchema });

const limitSchema = z
  .string()
  .regex(/^[0-9]{1,3}$/, `limit is a number from 1 to ${AUDIT_PAGE_MAX}`)
  .transform(Number)
  .pipe(z.number().int().min(1, `limit is a number from 1 to ${AUDIT_PAGE_MAX}`).max(AUDIT_PAGE_MAX, `limit is at most ${AUDIT_PAGE_MAX}`))
  .optional();

async function auditSpace(spaceKey: string, accountId: string): Promise<SpaceInfo> {
  const space = await getSpaceByKey(asUser(), spaceKey);
  await requireAuditReader(space.id, accountId);
  return space;
}

/**
 * Events one verification walks at most: as many as the pinned-head check, a few seconds of
 * reads, well inside the 25 s a call may run. A longer chain is checked from its export offline.
 */
export const VERIFY_MAX_EVENTS = PIN_CHECK_MAX_ENTRIES;

const seqSchema = z
  .string()
  .regex(/^[1-9][0-9]{0,9}$/, 'from is the seq to verify from (1 or more)')
  .transform(Number)
  .optional();

export interface AuditVerificationResource {
  ok: boolean;
  /** The first seq checked; the one before it is trusted (its hash anchors the walk). */
  from: number;
  /** Events checked and found intact, from `from`. */
  verified: number;
  head: ChainHeadView;
  /** The first broken or missing event. */
  broken?: ChainBreak;
}

export const auditRoutes = [
  apiRoute({
    method: 'GET',
    path: '/spaces/{spaceKey}/audit',
    params: spaceParams,
    query: z.object({ cursor: z.string().optional(), limit: limitSchema }).strict(),
    body: NO_BODY,
    handle: async ({ params, query, accountId }) => {
      const space = await auditSpace(params.spaceKey, accountId);
      return { status: 200, body: await auditExportPage(space.id, query.cursor, query.limit ?? AUDIT_PAGE_MAX) };
    },
  }),
  apiRoute({
    method: 'GET',
    path: '/spaces/{spaceKey}/audit/verification',
    params: spaceParams,
    query: z.object({ from: seqSchema }).strict(),
    body: NO_BODY,
    handle: async ({ params, query, accountId }) => {
      const space = await auditSpace(params.spaceKey, accountId);
      const from = query.from ?? 1;
      const before = await currentHead(space.id);
      if (from > before.seq + 1) throw new AppError('VALIDATION', `from: the chain ends at event ${before.seq}, so verify from ${before.seq} or earlier.`);
      if (before.seq - from + 1 > VERIFY_MAX_EVENTS) {
        const latest = before.seq - VERIFY_MAX_EVENTS + 1;
        throw new AppError(
          'PRECONDITION',
          `The chain holds ${before.seq - from + 1} events from ${from}; one verification checks at most ${VERIFY_MAX_EVENTS}. Verify the latest with from=${latest}, and the whole chain offline from its export (docs/audit.md).`,
          { headSeq: before.seq, latestFrom: latest },
        );
      }
      // The head is read again after the walk: events sealed meanwhile show as later than the verified ones, never as missing.
      const verification = await verifyChain(space.id, { fromSeq: from });
      const head = await currentHead(space.id);
      const body: AuditVerificationResource = { ...verification, from, head: headView(head) };
      return { status: 200, body };
    },
  }),
];
