/**
 * A space's audit trail over the REST API (space admins): the sealed events in chain order, each
 * with what its hash covers, and the head, exactly as the settings audit tab exports them; and
 * the chain's verification. The cursor is the seq of the last event exported, so it stays valid
 * however many events are sealed after it.
 */
import { z } from 'zod';
import { auditExportPage, headView, requireAuditReader } from '../commands/audit-export';
import { asUser } from '../confluence/http';
import { getSpaceByKey, type SpaceInfo } from '../confluence/spaces';
import { type ChainHeadView } from '../shared/contract/audit';
import { spaceKeySchema } from '../shared/contract/ids';
import { type ChainBreak, currentHead, verifyChain } from '../storage/audit-chain';
import { apiRoute, NO_BODY, NO_QUERY } from './define';

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

export interface AuditVerificationResource {
  ok: boolean;
  /** Events checked and found intact, from seq 1. */
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
    query: NO_QUERY,
    body: NO_BODY,
    handle: async ({ params, accountId }) => {
      const space = await auditSpace(params.spaceKey, accountId);
      // The head is read after the walk: events sealed meanwhile show as later than the verified ones, never as missing.
      const verification = await verifyChain(space.id);
      const head = await currentHead(space.id);
      const body: AuditVerificationResource = { ...verification, head: headView(head) };
      return { status: 200, body };
    },
  }),
];
